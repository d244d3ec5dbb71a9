package dev.proofwork.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a form field holds reaches the service as a value, or as typed for the service to refuse by name. */
class FormsTest {

    @Test
    void aDateBecomesTheInstantOfThatDayAndAnythingElseGoesThroughAsTyped() {
        assertThat(Forms.instant("2026-12-01", day -> day.atTime(23, 59).toInstant(ZoneOffset.UTC)))
                .isEqualTo("2026-12-01T23:59:00Z");
        assertThat(Forms.instant("2026-13-45", day -> day.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .isEqualTo("2026-13-45");
        assertThat(Forms.instant("next week", day -> day.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .isEqualTo("next week");
        assertThat(Forms.instant(" ", day -> day.atStartOfDay().toInstant(ZoneOffset.UTC))).isNull();
    }

    @Test
    void aWholeNumberIsANumberAndAnythingElseGoesThroughAsTyped() {
        assertThat(Forms.whole(" 3 ")).isEqualTo(3);
        assertThat(Forms.whole("three")).isEqualTo("three");
        assertThat(Forms.whole("2.5")).isEqualTo("2.5");
    }
}
