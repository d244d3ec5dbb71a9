package dev.proofwork.scoring.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RevealDelayTest {

    private final RevealDelay delay = new RevealDelay(Duration.ofMinutes(2));
    private final Instant assigned = Instant.parse("2026-11-25T10:00:00Z");
    private final List<UUID> tasks = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();

    @Test
    void tasksAssignedTogetherShowAtSpreadOutTimesWithinTheMaximum() {
        long visibleAtOnce = tasks.stream().filter(t -> delay.revealed(t, assigned, assigned)).count();
        long visibleAfterAMinute = tasks.stream().filter(t -> delay.revealed(t, assigned, assigned.plusSeconds(60))).count();

        assertThat(visibleAtOnce).as("shown the second they were assigned").isLessThan(25);
        assertThat(visibleAfterAMinute).as("about half after half the maximum").isBetween(175L, 325L);
        assertThat(tasks).allMatch(t -> delay.revealed(t, assigned, assigned.plus(Duration.ofMinutes(2))));
    }

    @Test
    void aTasksDelayIsTheSameOnEveryRead() {
        assertThat(tasks).allMatch(t -> delay.of(t).equals(delay.of(t)) && !delay.of(t).isNegative());
    }

    @Test
    void noDelayShowsEveryTaskAtOnce() {
        RevealDelay none = new RevealDelay(Duration.ZERO);
        assertThat(tasks).allMatch(t -> none.revealed(t, assigned, assigned));
    }
}
