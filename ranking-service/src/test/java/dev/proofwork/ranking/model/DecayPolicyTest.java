package dev.proofwork.ranking.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecayPolicyTest {

    @Test
    void aSkillCanDecayFasterOrSlowerThanTheDefault() {
        DecayPolicy policy = new DecayPolicy(new ModelSettings() {
            public double noiseSigma() {
                return 0.6;
            }

            public double gamma() {
                return 0.05;
            }

            public Map<String, Double> gammaBySkill() {
                return Map.of("frontend-react", 0.08, "sql-analytics", 0.03);
            }

            public Refit refit() {
                throw new UnsupportedOperationException("decay does not schedule refits");
            }
        });

        assertThat(policy.gamma("frontend-react")).isEqualTo(0.08);
        assertThat(policy.gamma("sql-analytics")).isEqualTo(0.03);
        assertThat(policy.gamma("data-modelling")).isEqualTo(0.05);
    }
}
