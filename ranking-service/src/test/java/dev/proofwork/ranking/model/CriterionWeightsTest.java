package dev.proofwork.ranking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CriterionWeightsTest {

    private static final int[] MAXIMA = { 4, 4, 10 };
    private static final List<String> KEYS = List.of("clarity", "tests", "correctness");

    @Test
    void aCriterionJudgedErraticallyCountsForLessThanOneJudgedTightly() {
        // the work's level varies by 1; criterion 0 is judged with noise 1.5, criterion 1 with 0.3, criterion 2 with 0.6
        List<int[]> reviews = reviews(400, new double[] { 1.5, 0.3, 0.6 }, new Random(7));

        double[] perPoint = CriterionWeights.learn(MAXIMA, flat(reviews));
        double[] share = shares(perPoint);

        assertThat(share[1]).isGreaterThan(share[2]).isGreaterThan(share[0]);
        assertThat(share[0]).isLessThan(0.15);
        assertThat(share[0] + share[1] + share[2]).isCloseTo(1, within(1e-9));
    }

    @Test
    void aCriterionScoredAtRandomCountsForLittle() {
        Random random = new Random(5);
        List<int[]> reviews = reviews(300, new double[] { 0.3, 0.3, 0.3 }, random);
        reviews.forEach(review -> review[2] = random.nextInt(11));

        double[] share = shares(CriterionWeights.learn(MAXIMA, flat(reviews)));

        assertThat(share[2]).isLessThan(0.1);
    }

    @Test
    void criteriaJudgedAlikeCountAlikeWhateverTheirMaximum() {
        List<int[]> reviews = reviews(400, new double[] { 0.5, 0.5, 0.5 }, new Random(11));

        double[] share = shares(CriterionWeights.learn(MAXIMA, flat(reviews)));

        // the 0..10 criterion is rounded more finely, so it may count a little more, never a lot
        for (double s : share) {
            assertThat(s).isBetween(0.25, 0.42);
        }
    }

    @Test
    void aFewReviewsGiveEveryCriterionTheSameShareAndTwoCriteriaCannotBeToldApart() {
        double[] share = shares(CriterionWeights.learn(MAXIMA, new int[] { 4, 0, 10 }));
        assertThat(share).containsExactly(new double[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, within(1e-9));

        // how far apart two criteria's scores fall is the sum of their noise, not who contributes what
        assertThatThrownBy(() -> CriterionWeights.learn(new int[] { 4, 4 }, new int[] { 1, 2, 3, 4 }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskOfFewReviewsBorrowsFromTheSkillsOtherTasksCriteriaOfTheSameKey() {
        Random random = new Random(13);
        double[] noise = { 1.5, 0.3, 0.6 };
        List<CriterionWeights.Task> skill = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            skill.add(new CriterionWeights.Task(KEYS, MAXIMA, flat(reviews(150, noise, random))));
        }
        int[] few = flat(reviews(6, noise, random));
        skill.add(new CriterionWeights.Task(KEYS, MAXIMA, few));
        // the same reviews under a key no other task uses have nothing to borrow
        skill.add(new CriterionWeights.Task(List.of("style", "speed", "naming"), MAXIMA, few));

        List<double[]> weights = CriterionWeights.learn(skill);

        double alone = shares(CriterionWeights.learn(MAXIMA, few))[0];
        assertThat(shares(weights.get(8))[0]).isLessThan(0.2).isLessThan(alone - 0.1);
        assertThat(shares(weights.get(9))[0]).isCloseTo(alone, within(1e-9));
        assertThat(shares(weights.get(0))[0]).isLessThan(0.15);
    }

    @Test
    void aReviewsCompositeRunsFromZeroAtEveryFloorToOneAtEveryCeiling() {
        double[] weights = CriterionWeights.learn(MAXIMA,
                flat(reviews(200, new double[] { 1.5, 0.3, 0.6 }, new Random(3))));

        assertThat(CriterionWeights.score(weights, new int[] { 0, 0, 0 }, 0)).isZero();
        assertThat(CriterionWeights.score(weights, new int[] { 4, 4, 10 }, 0)).isCloseTo(1, within(1e-9));
        assertThat(CriterionWeights.score(weights, new int[] { 0, 4, 10 }, 0))
                .isGreaterThan(CriterionWeights.score(weights, new int[] { 4, 0, 10 }, 0));
    }

    private static int[] flat(List<int[]> reviews) {
        return reviews.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static double[] shares(double[] perPoint) {
        double[] share = new double[perPoint.length];
        for (int c = 0; c < perPoint.length; c++) {
            share[c] = perPoint[c] * MAXIMA[c];
        }
        return share;
    }

    /** Reviews of work whose level varies by 1, each criterion cut into its scale with noise of its own. */
    private static List<int[]> reviews(int count, double[] noise, Random random) {
        List<int[]> reviews = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            double level = random.nextGaussian();
            int[] scores = new int[noise.length];
            for (int c = 0; c < noise.length; c++) {
                int max = MAXIMA[c];
                double fraction = 0.5 + (level + noise[c] * random.nextGaussian()) / 4;
                scores[c] = (int) Math.round(Math.max(0, Math.min(1, fraction)) * max);
            }
            reviews.add(scores);
        }
        return reviews;
    }
}
