package dev.proofwork.ranking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CensoredTest {

    private static final double BOUND = 1.5;

    @Test
    void aTaskWhoseTakersPileUpAtTheTopIsReadAsFarAboveTheMiddleAsItIs() {
        Sample sample = sample(2.5, 4000, 1.2);

        Censored.Mean mean = Censored.mean(sample.values, sample.sides, sample.all(), 0, sample.size(), BOUND);

        double plain = IntStream.range(0, sample.size()).mapToDouble(i -> sample.values[i]).average().orElseThrow();
        assertThat(plain).as("the plain mean of scores cut at the ends").isLessThan(2.0);
        assertThat(mean.mean()).isCloseTo(2.5, within(0.1));
        // a censored value says less than an exact one: the mean is less certain than n exact values would make it
        assertThat(mean.variance()).isGreaterThan(1.0 / sample.size());
    }

    @Test
    void withNothingAtTheEndsItIsThePlainMeanAndItsSamplingVariance() {
        double[] values = { -0.5, 0.5, 0, 1 };

        Censored.Mean mean = Censored.mean(values, new byte[4], new int[] { 0, 1, 2, 3 }, 0, 4, BOUND);

        assertThat(mean.mean()).isCloseTo(0.25, within(1e-9));
        // sample variance 0.4167 over 4 values
        assertThat(mean.variance()).isCloseTo(0.104, within(0.001));
    }

    @Test
    void aSampleAllAtTheCeilingStaysWithinReach() {
        double[] values = { 2, 2, 2 };

        Censored.Mean mean = Censored.mean(values, new byte[] { 1, 1, 1 }, new int[] { 0, 1, 2 }, 0, 3, BOUND);

        assertThat(mean.mean()).isGreaterThan(BOUND).isLessThan(BOUND + 3);
        assertThat(mean.variance()).isFinite();
    }

    private record Sample(double[] values, byte[] sides) {
        int size() {
            return values.length;
        }

        int[] all() {
            return IntStream.range(0, values.length).toArray();
        }
    }

    /** Latent values of N(mean, sd²) as a 0..4 rubric reads them: beyond ±1.5 only the floor or ceiling, ±2. */
    private static Sample sample(double mean, int n, double sd) {
        Random random = new Random(7);
        double[] values = new double[n];
        byte[] sides = new byte[n];
        for (int i = 0; i < n; i++) {
            double latent = mean + sd * random.nextGaussian();
            sides[i] = (byte) (latent > BOUND ? 1 : latent < -BOUND ? -1 : 0);
            values[i] = sides[i] == 0 ? latent : 2 * sides[i];
        }
        return new Sample(values, sides);
    }
}
