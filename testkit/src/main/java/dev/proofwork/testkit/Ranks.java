package dev.proofwork.testkit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well an estimated order matches a known truth: Spearman's rank correlation, ties given their mean rank
 * (0 when either side has no spread). One copy for the scenario's summary and the ranking benchmark.
 */
public final class Ranks {

    private Ranks() {
    }

    public static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < ra.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().sorted(Comparator.comparingDouble(i -> values[i]))
                .toArray(Integer[]::new);
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mean;
            }
            i = j + 1;
        }
        return ranks;
    }
}
