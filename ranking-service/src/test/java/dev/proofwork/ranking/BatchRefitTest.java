package dev.proofwork.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.proofwork.ranking.bench.Scenario;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.testkit.Ranks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchRefitTest {

    private final BatchRefit refit = new BatchRefit(0.6, new Belief(0, 1), new Belief(0, 0.49), new Belief(0, 0.25));

    @Test
    void theRefitDoesNotDependOnTheOrderReviewsArrivedIn() {
        Scenario scenario = Scenario.generate(new Scenario.Parameters(5, 20, 2, 0.5, 0.7, 0.5, 0.6, 2, 3), 11);
        List<BatchRefit.Observation> shuffled = new ArrayList<>(scenario.observations());
        Collections.shuffle(shuffled, new Random(3));

        BatchRefit.Result inOrder = refit.fit(scenario.observations(), scenario.learners(), scenario.tasks(),
                scenario.reviewers());
        BatchRefit.Result outOfOrder = refit.fit(shuffled, scenario.learners(), scenario.tasks(), scenario.reviewers());

        for (int l = 0; l < scenario.learners(); l++) {
            assertThat(outOfOrder.learners()[l].mean()).isCloseTo(inOrder.learners()[l].mean(), within(1e-6));
        }
    }

    @Test
    void aHarshReviewerIsEstimatedHarshAndTheLearnersTheyScoredAreNotPenalised() {
        Scenario scenario = Scenario.generate(new Scenario.Parameters(4, 30, 2, 0.5, 0.7, 0.5, 0.4, 2, 3), 5);

        BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.tasks(),
                scenario.reviewers());

        double correlation = Ranks.spearman(scenario.reviewerSeverity(),
                java.util.Arrays.stream(fitted.reviewers()).mapToDouble(Belief::mean).toArray());
        assertThat(correlation).isGreaterThan(0.5);
        assertThat(Ranks.spearman(scenario.ability(),
                java.util.Arrays.stream(fitted.learners()).mapToDouble(Belief::mean).toArray())).isGreaterThan(0.8);
    }
}
