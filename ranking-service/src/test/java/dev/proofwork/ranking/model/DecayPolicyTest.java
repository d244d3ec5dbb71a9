package dev.proofwork.ranking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecayPolicyTest {

    @Test
    void aSkillCanDecayFasterOrSlowerThanTheDefault() {
        DecayPolicy policy = new DecayPolicy(0.05, Optional.of("frontend-react=0.08, sql-analytics=0.03"));

        assertThat(policy.gamma("frontend-react")).isEqualTo(0.08);
        assertThat(policy.gamma("sql-analytics")).isEqualTo(0.03);
        assertThat(policy.gamma("data-modelling")).isEqualTo(0.05);
        assertThatThrownBy(() -> new DecayPolicy(0.05, Optional.of("sql-analytics")))
                .hasMessageContaining("skill=gamma");
    }
}
