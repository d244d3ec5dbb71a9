package dev.proofwork.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one stage and how many calls failed, gathered from many threads; figures once it is over. */
final class Latencies {

    /** What a stage comes to: calls per second over its wall time, p50 and p99 in milliseconds. */
    record Figures(String stage, int calls, int failed, double perSecond, double p50Millis, double p99Millis) {
    }

    private final String stage;
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private volatile int failed;

    Latencies(String stage) {
        this.stage = stage;
    }

    void record(long startNanos) {
        nanos.add(System.nanoTime() - startNanos);
    }

    synchronized void failed() {
        failed++;
    }

    int count() {
        return nanos.size();
    }

    Figures over(Duration wall) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        double seconds = Math.max(wall.toNanos(), 1) / 1e9;
        return new Figures(stage, sorted.size(), failed, sorted.size() / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds; NaN when nothing was measured. */
    static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.size());
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size(), rank) - 1)) / 1e6;
    }
}
