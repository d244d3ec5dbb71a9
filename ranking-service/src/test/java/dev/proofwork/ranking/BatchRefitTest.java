package dev.proofwork.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.proofwork.ranking.bench.RankingBenchmark;
import dev.proofwork.ranking.bench.Scenario;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.FacetModel;
import dev.proofwork.ranking.model.Priors;
import dev.proofwork.testkit.Ranks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchRefitTest {

    private final BatchRefit refit = new BatchRefit(0.6, 0.05);

    @Test
    void theRefitDoesNotDependOnTheOrderReviewsArrivedIn() {
        Scenario scenario = Scenario.generate(Scenario.Parameters.standard().withCohorts(5, 20, 3, 2, 3), 11);
        List<BatchRefit.Observation> shuffled = new ArrayList<>(scenario.observations());
        Collections.shuffle(shuffled, new Random(3));

        BatchRefit.Result inOrder = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                scenario.reviewers());
        BatchRefit.Result outOfOrder = refit.fit(shuffled, scenario.learners(), scenario.anchorTasks(), scenario.reviewers());

        for (int l = 0; l < scenario.learners(); l++) {
            assertThat(outOfOrder.learners()[l].mean()).isCloseTo(inOrder.learners()[l].mean(), within(1e-6));
        }
    }

    @Test
    void aSkillsFirstReviewsMoveTheirLearnersAsTheOnlineStepDoes() {
        // two learners, one task, one reviewer: too little to tell noise from ability, so the configured noise holds
        BatchRefit.Result result = refit.fit(List.of(new BatchRefit.Observation(0, 0, 0, 0.9, 0),
                new BatchRefit.Observation(1, 0, 0, 0.3, 0)), 2, new boolean[1], 1);
        Belief strong = new FacetModel(0.6).observe(Priors.LEARNER, Priors.TASK, Priors.REVIEWER, 0.9).ability();

        assertThat(Math.sqrt(result.noise())).isCloseTo(0.6, within(0.1));
        assertThat(result.learners()[0].mean()).isCloseTo(strong.mean(), within(0.2));
        assertThat(result.learners()[0].sigma()).isCloseTo(strong.sigma(), within(0.1));
        assertThat(result.learners()[1].mean()).isNegative();
    }

    @Test
    void aHarshReviewerIsEstimatedHarshAndTheLearnersTheyScoredAreNotPenalised() {
        Scenario scenario = Scenario.generate(Scenario.Parameters.standard().withCohorts(4, 30, 3, 2, 3).withSpread(0.5, 0.7, 0.5, 0.4), 5);

        BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                scenario.reviewers());

        double correlation = Ranks.spearman(scenario.reviewerSeverity(),
                java.util.Arrays.stream(fitted.reviewers()).mapToDouble(Belief::mean).toArray());
        assertThat(correlation).isGreaterThan(0.5);
        assertThat(Ranks.spearman(scenario.ability(),
                java.util.Arrays.stream(fitted.learners()).mapToDouble(Belief::mean).toArray())).isGreaterThan(0.8);
    }

    @Test
    void aReviewerWhoScoresAtRandomIsEstimatedNoisyAndSoCountsLess() {
        Scenario scenario = Scenario.generate(Scenario.Parameters.standard().with(Scenario.Reviewers.ONE_RANDOM), 3);

        BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                scenario.reviewers());

        double[] noise = fitted.reviewerNoise();
        int erratic = scenario.reviewers() - 1;
        double[] others = Arrays.copyOf(noise, erratic);
        Arrays.sort(others);
        assertThat(noise[erratic]).isGreaterThan(2 * others[others.length / 2]);
    }

    @Test
    void aReviewerWhoGivesFriendsTopScoresIsEstimatedTheNoisiest() {
        for (int seed = 1; seed <= 3; seed++) {
            Scenario scenario = Scenario.generate(Scenario.Parameters.standard().with(Scenario.Reviewers.ONE_COLLUDING),
                    seed);

            BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                    scenario.reviewers());

            // the colluder is reviewer 0: their top scores for weak friends sit at the ceiling, read as censored
            double[] noise = fitted.reviewerNoise();
            double[] others = Arrays.copyOfRange(noise, 1, noise.length);
            Arrays.sort(others);
            assertThat(noise[0]).isGreaterThan(others[others.length - 1])
                    .isGreaterThan(1.5 * others[others.length / 2]);
        }
    }

    @Test
    void ninetyPercentIntervalsHoldTheTruthForAboutNineInTen() {
        Scenario scenario = Scenario.generate(Scenario.Parameters.standard(), 7);

        BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                scenario.reviewers());

        double[] mu = Arrays.stream(fitted.learners()).mapToDouble(Belief::mean).toArray();
        double[] sigma = Arrays.stream(fitted.learners()).mapToDouble(Belief::sigma).toArray();
        assertThat(RankingBenchmark.coverage90(scenario.ability(), mu, sigma)).isBetween(0.85, 0.95);
    }

    @Test
    void noisyReviewersAreReadAsNoisyThoughTheirLargeMissesEndAtTheFloorOrCeiling() {
        // reviews with noise sd 1.0 on a 0..4 rubric: about two in five at 0 or 4; read linearly, the rounding to
        // whole points adds 1/12 to the noise
        Scenario scenario = Scenario.generate(Scenario.Parameters.standard().withSpread(0.5, 0.7, 0.5, 1.0), 7);

        BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                scenario.reviewers());

        assertThat(fitted.noise()).isCloseTo(1 + 1.0 / 12, within(0.15));
        double[] mu = Arrays.stream(fitted.learners()).mapToDouble(Belief::mean).toArray();
        double[] sigma = Arrays.stream(fitted.learners()).mapToDouble(Belief::sigma).toArray();
        assertThat(RankingBenchmark.coverage90(scenario.ability(), mu, sigma)).isBetween(0.85, 0.95);
    }

    @Test
    void cohortsFarApartAreReadAsStrongerAndWeakerLearnersRatherThanAsEasierAndHarderTasks() {
        Scenario.Parameters standard = Scenario.Parameters.standard();
        Scenario near = Scenario.generate(standard, 4);
        Scenario far = Scenario.generate(standard.withSpread(3 * standard.cohortSd(), standard.taskSd(),
                standard.reviewerSd(), standard.noiseSd()), 4);

        double nearSpread = takersSpread(near);
        double farSpread = takersSpread(far);

        // the same draws with cohorts three times as far apart: their takers come out well over twice as far apart
        // (1.9 times with the takers' spread fixed at its default, where the rest went to the tasks)
        assertThat(farSpread).isGreaterThan(2.2 * nearSpread);
    }

    /** How far apart the refit puts the cohorts' takers: the standard deviation of their means. */
    private double takersSpread(Scenario scenario) {
        BatchRefit.Result fitted = refit.fit(scenario.observations(), scenario.learners(), scenario.anchorTasks(),
                scenario.reviewers());
        double[] means = java.util.stream.IntStream.range(0, scenario.tasks()).filter(t -> !scenario.anchorTasks()[t])
                .mapToDouble(t -> fitted.takers()[t].mean()).toArray();
        double average = Arrays.stream(means).average().orElse(0);
        return Math.sqrt(Arrays.stream(means).map(m -> (m - average) * (m - average)).average().orElse(0));
    }

    @Test
    void aRecentReviewSaysMoreAboutALearnerTodayThanAnOldOne() {
        // two learners, same task and reviewers: one scored low long ago and high lately, the other the reverse
        List<BatchRefit.Observation> reviews = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            reviews.add(new BatchRefit.Observation(0, 0, r, 0.25, 0));
            reviews.add(new BatchRefit.Observation(0, 0, r, 0.75, 180));
            reviews.add(new BatchRefit.Observation(1, 0, r, 0.75, 0));
            reviews.add(new BatchRefit.Observation(1, 0, r, 0.25, 180));
        }

        BatchRefit.Result fitted = refit.fit(reviews, 2, new boolean[1], 3);

        assertThat(fitted.learners()[0].mean()).isGreaterThan(fitted.learners()[1].mean() + 0.1);
    }
}
