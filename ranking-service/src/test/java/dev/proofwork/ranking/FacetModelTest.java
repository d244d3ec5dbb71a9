package dev.proofwork.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.FacetModel;
import dev.proofwork.ranking.model.Priors;
import dev.proofwork.ranking.model.PublishedScore;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FacetModelTest {

    private final FacetModel model = new FacetModel(0.6);

    @Test
    void withoutEvidenceUncertaintyGrowsAndThePublishedScoreFalls() {
        Belief known = new Belief(1.0, 0.04);

        Belief later = known.decayed(0.05, 90);

        assertThat(later.sigma()).isGreaterThan(known.sigma());
        assertThat(later.mean()).isEqualTo(known.mean());
        assertThat(PublishedScore.of(later)).isLessThan(PublishedScore.of(known));
        assertThat(known.decayed(0.05, 0)).isEqualTo(known);
    }

    @Test
    void aHarshReviewerDoesNotPullALearnerBelowAnEqualLearnerReviewedByANeutralOne() {
        Random random = new Random(7);
        Belief neutral = new Belief(0, 0.25);
        Belief harsh = new Belief(0, 0.25);
        Belief task = new Belief(0, 0.49);
        // calibration: both reviewers score the same 40 learners; the harsh one scores them lower
        for (int i = 0; i < 40; i++) {
            double trueAbility = random.nextGaussian();
            Belief learner = new Belief(0, 1);
            FacetModel.Update byNeutral = model.observe(learner, task, neutral, score(trueAbility, 0, random));
            task = byNeutral.difficulty();
            neutral = byNeutral.severity();
            FacetModel.Update byHarsh = model.observe(byNeutral.ability(), task, harsh, score(trueAbility, 1.0, random));
            task = byHarsh.difficulty();
            harsh = byHarsh.severity();
        }
        assertThat(harsh.mean()).isGreaterThan(neutral.mean() + 0.5);

        // two learners of equal true ability, each seen by one reviewer only, with the same raw luck
        double ability = 0.8;
        Belief seenByHarsh = model.observe(new Belief(0, 1), task, harsh, score(ability, 1.0, new Random(1))).ability();
        Belief seenByNeutral = model.observe(new Belief(0, 1), task, neutral, score(ability, 0, new Random(1))).ability();

        double rawGap = score(ability, 0, new Random(1)) - score(ability, 1.0, new Random(1));
        assertThat(rawGap).isGreaterThan(0.15);
        assertThat(seenByHarsh.mean()).isCloseTo(seenByNeutral.mean(), within(0.25));
    }

    @Test
    void moreConsistentEvidenceMeansLessUncertaintyAndAHigherPublishedScore() {
        Belief learner = new Belief(0, 1);
        Belief task = new Belief(0, 0.1);
        Belief reviewer = new Belief(0, 0.05);
        int first = PublishedScore.of(learner);
        for (int i = 0; i < 5; i++) {
            learner = model.observe(learner, task, reviewer, 0.9).ability();
        }

        assertThat(learner.sigma()).isLessThan(0.5);
        assertThat(PublishedScore.of(learner)).isGreaterThan(first);
    }

    @Test
    void beforeAnyRefitALearnersIntervalHoldsTheDoubtAboutWhereTheirCohortSits() {
        // 60 cohorts whose strength differs as much as the priors allow, each with a task of its own, reviewed
        // online only: within a cohort, strong learners and an easy task look the same
        Random random = new Random(11);
        int inside = 0;
        int insideIfCertainOfCohorts = 0;
        int learners = 0;
        for (int cohort = 0; cohort < 60; cohort++) {
            double strength = Math.sqrt(Priors.TAKERS.variance()) * random.nextGaussian();
            double difficulty = Math.sqrt(Priors.TASK.variance()) * random.nextGaussian();
            Belief task = Priors.TASK;
            Belief taskIfCertain = Priors.TASK;
            for (int i = 0; i < 30; i++, learners++) {
                double ability = strength + random.nextGaussian();
                Belief learner = Priors.newLearner(null, task);
                double placement = Priors.placement(null, task);
                Belief learnerIfCertain = Priors.LEARNER;
                for (int review = 0; review < 3; review++) {
                    double score = score(ability - difficulty, 0, random);
                    FacetModel.Update update = model.observe(learner, placement, task, Priors.REVIEWER, score, null);
                    learner = update.ability();
                    task = update.difficulty();
                    FacetModel.Update ifCertain = model.observe(learnerIfCertain, taskIfCertain, Priors.REVIEWER,
                            score);
                    learnerIfCertain = ifCertain.ability();
                    taskIfCertain = ifCertain.difficulty();
                }
                inside += Math.abs(ability - learner.mean()) <= 1.645 * learner.sigma() ? 1 : 0;
                insideIfCertainOfCohorts += Math.abs(ability - learnerIfCertain.mean())
                        <= 1.645 * learnerIfCertain.sigma() ? 1 : 0;
            }
        }

        // 90% intervals, of 1,800 learners: about nine in ten; an update that grew surer of the cohort with each
        // review held under four in five
        assertThat((double) inside / learners).isBetween(0.83, 0.95);
        assertThat((double) insideIfCertainOfCohorts / learners).isLessThan(0.78);
    }

    @Test
    void aLearnersOwnReviewsNeverShrinkTheDoubtAboutTheirCohort() {
        Belief learner = new Belief(0, 1 + 0.2);
        Belief task = new Belief(0, 0.1);
        for (int i = 0; i < 50; i++) {
            learner = model.observe(learner, 0.2, task, Priors.REVIEWER, 0.7, null).ability();
        }

        assertThat(learner.variance()).isGreaterThan(0.2).isLessThan(0.25);
    }

    @Test
    void aStrongerLearnerIsMoreLikelyToPass() {
        Belief task = new Belief(0.2, 0.1);

        double strong = model.passProbability(new Belief(1.5, 0.1), task, 0.5);
        double weak = model.passProbability(new Belief(-1.0, 0.1), task, 0.5);

        assertThat(strong).isGreaterThan(0.8);
        assertThat(weak).isLessThan(0.2);
    }

    @Test
    void theProofValidityEndsWhenDecayTakesTheScoreUnderTheThreshold() {
        Belief learner = new Belief(1.5, 0.09);
        double days = PublishedScore.daysAboveThreshold(learner, 0.05, 600);

        assertThat(PublishedScore.of(learner.decayed(0.05, days - 1))).isGreaterThanOrEqualTo(600);
        assertThat(PublishedScore.of(learner.decayed(0.05, days + 1))).isLessThan(600);
        assertThat(PublishedScore.daysAboveThreshold(new Belief(0, 1), 0.05, 600)).isZero();
    }

    /** A review's weighted score for a learner of this ability by a reviewer this severe, with noise. */
    private static double score(double ability, double severity, Random random) {
        double latent = ability - severity + 0.3 * random.nextGaussian();
        return 1 / (1 + Math.exp(-latent));
    }
}
