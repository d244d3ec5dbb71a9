package dev.proofwork.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each service's resident memory (peak, sampled) and CPU time while the load runs, read from /proc for the process
 * ids the local run keeps in {@code .proofwork/pids}.
 */
final class ServiceUsage implements AutoCloseable {

    /** @param cpuPercent of one core, averaged over the sampled time; @param startSeconds what its log says it took */
    record Figures(String service, long peakRssMb, double cpuPercent, double startSeconds) {
    }

    /** Linux counts CPU time in ticks of 1/100 s (USER_HZ) on every architecture this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final Path logs;
    private final long startedNanos = System.nanoTime();
    private final Thread sampler;
    private volatile boolean running = true;

    ServiceUsage(Path home, Iterable<String> services) throws IOException {
        this.logs = home.resolve("logs");
        for (String service : services) {
            Path pidFile = home.resolve("pids").resolve(service + ".pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                pids.put(service, pid);
                ticksAtStart.put(service, cpuTicks(pid));
            }
        }
        sampler = Thread.ofPlatform().daemon().name("service-usage").start(() -> {
            while (running) {
                pids.forEach((service, pid) -> peakRssKb.merge(service, rssKb(pid), Math::max));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    Map<String, Figures> figures() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Figures> figures = new LinkedHashMap<>();
        pids.forEach((service, pid) -> figures.put(service, new Figures(service, peakRssKb.getOrDefault(service, 0L) / 1024,
                100 * (cpuTicks(pid) - ticksAtStart.get(service)) / TICKS_PER_SECOND / seconds, startSeconds(service))));
        return figures;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat (after the command name, which may hold spaces). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The "started in 4.123s" of the service's last start in its log; NaN when the log does not say. */
    private double startSeconds(String service) {
        try {
            return Files.readAllLines(logs.resolve(service + ".log")).stream()
                    .filter(line -> line.contains(" started in "))
                    .reduce((first, last) -> last)
                    .map(line -> Double.parseDouble(line.replaceAll(".* started in ([0-9.]+)s.*", "$1")))
                    .orElse(Double.NaN);
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
