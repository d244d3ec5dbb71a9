package dev.proofwork.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The benchmark's figures: printed beside their ceilings and the issue's targets, as CSV, and as a chart. */
final class Report {

    Ceilings.Figures ceilings;
    final List<Round> rounds = new ArrayList<>();
    RankingScale.Figures rankingScale;

    /** The throughput stages played against {@code instances} processes of every service. */
    static final class Round {

        final int instances;
        final List<Latencies.Figures> stages = new ArrayList<>();
        final List<Outcomes.Lag> lags = new ArrayList<>();
        final Map<Integer, Double> offered = new TreeMap<>();
        Map<String, ServiceUsage.Figures> usage = new LinkedHashMap<>();
        double closeMillis;
        double payoutRunMillis;
        JsonNode payoutRun;

        /** Records all topics gained while the pipeline ran, and for how long it ran. */
        long events;
        double pipelineSeconds;

        Round(int instances) {
            this.instances = instances;
        }

        String title() {
            return instances == 1 ? "one process of each service" : instances + " processes of each service";
        }

        double perSecond(String stage) {
            return stages.stream().filter(figures -> figures.stage().equals(stage)).mapToDouble(Latencies.Figures::perSecond)
                    .findFirst().orElse(Double.NaN);
        }

        double finalScoreLagP99(int rate) {
            return lags.stream().filter(lag -> lag.offeredRate() == rate && lag.effect().equals("final score"))
                    .mapToDouble(Outcomes.Lag::p99Millis).findFirst().orElse(Double.NaN) / 1000;
        }
    }

    Round round(int instances) {
        Round round = new Round(instances);
        rounds.add(round);
        return round;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nCeilings: PostgreSQL pgbench -N %.0f tps; Kafka producer %.0f records/s%n",
                ceilings.postgresTps(), ceilings.kafkaRecordsPerSecond());
        for (Round round : rounds) {
            out.printf(Locale.ROOT, "%n--- %s ---%n", round.title());
            print(out, round);
        }
        if (rounds.size() > 1) {
            compare(out);
        }
        if (rankingScale != null) {
            RankingScale.Figures r = rankingScale;
            out.printf(Locale.ROOT, "%nranking at %,d learners and %,d reviews: refit through the API %.1f s (%s), every"
                    + " learner's standing published %.1f s later; a learner's reads during it p50 %.1f ms p99 %.1f ms;"
                    + " %s p50 %.1f ms p99 %.1f ms; %s p50 %.1f ms p99 %.1f ms%n", r.learners(), r.reviews(),
                    r.refitSeconds(), r.refit(), r.publishSeconds(), r.readsDuringRefit().p50Millis(),
                    r.readsDuringRefit().p99Millis(), r.cohortPage().stage(), r.cohortPage().p50Millis(),
                    r.cohortPage().p99Millis(), r.leaderboardPage().stage(), r.leaderboardPage().p50Millis(),
                    r.leaderboardPage().p99Millis());
        }
    }

    private void print(PrintStream out, Round round) {
        out.printf(Locale.ROOT, "%n%-22s %8s %7s %10s %9s %9s %12s%n", "stage", "calls", "failed", "per second",
                "p50 ms", "p99 ms", "of pgbench");
        for (Latencies.Figures stage : round.stages) {
            out.printf(Locale.ROOT, "%-22s %8d %7d %10.1f %9.1f %9.1f %11.1f%%%n", stage.stage(), stage.calls(),
                    stage.failed(), stage.perSecond(), stage.p50Millis(), stage.p99Millis(),
                    100 * stage.perSecond() / ceilings.postgresTps());
        }
        out.printf(Locale.ROOT, "%n%-10s %-16s %7s %8s %9s %9s%n", "offered/s", "lag to", "count", "missing", "p50 s", "p99 s");
        for (Outcomes.Lag lag : round.lags) {
            out.printf(Locale.ROOT, "%-10d %-16s %7d %8d %9.2f %9.2f%n", lag.offeredRate(), lag.effect(), lag.count(),
                    lag.missing(), lag.p50Millis() / 1000, lag.p99Millis() / 1000);
        }
        int submissions = round.lags.stream().filter(lag -> lag.effect().equals("final score"))
                .mapToInt(lag -> lag.count() + lag.missing()).sum();
        double eventsPerSecond = round.events / Math.max(round.pipelineSeconds, 1);
        out.printf(Locale.ROOT, "%nthe pipeline wrote %d events for %d submissions (%.1f each), %.0f events/s on average: "
                + "%.2f%% of the broker's rate%n", round.events, submissions, round.events / (double) Math.max(submissions, 1),
                eventsPerSecond, 100 * eventsPerSecond / ceilings.kafkaRecordsPerSecond());
        round.offered.forEach((rate, achieved) -> out.printf(Locale.ROOT, "offered %d submissions/s: submitted %.1f/s%n", rate, achieved));
        out.printf(Locale.ROOT, "%nclosing the auditions took %.0f ms; the payout run %.0f ms: %s%n", round.closeMillis,
                round.payoutRunMillis, round.payoutRun);
        out.printf(Locale.ROOT, "%n%-18s %12s %10s %12s%n", "service", "peak RSS MB", "CPU %", "started in s");
        round.usage.values().forEach(u -> out.printf(Locale.ROOT, "%-18s %12d %10.0f %12.2f%n", u.service(), u.peakRssMb(),
                u.cpuPercent(), u.startSeconds()));
    }

    /** Each round's rates side by side: what the second process of every service bought on this machine. */
    private void compare(PrintStream out) {
        out.printf(Locale.ROOT, "%n%-28s %10s %10s %10s", "processes of each service", "list/s", "deposit/s", "review/s");
        Round first = rounds.getFirst();
        first.offered.keySet().forEach(rate -> out.printf(Locale.ROOT, " %14s", "p99 lag @" + rate + "/s"));
        out.println();
        for (Round round : rounds) {
            out.printf(Locale.ROOT, "%-28d %10.0f %10.0f %10.1f", round.instances, round.perSecond("list auditions"),
                    round.perSecond("deposit"), round.perSecond("review"));
            first.offered.keySet().forEach(rate -> out.printf(Locale.ROOT, " %13.1fs", round.finalScoreLagP99(rate)));
            out.println();
        }
    }

    /** One row per figure; {@code instances} is how many processes of each service the row's round ran. */
    Path writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("kind,name,instances,offered_per_second,count,failed_or_missing,per_second,p50_ms,p99_ms,ceiling,ratio,"
                + "peak_rss_mb,cpu_percent,start_seconds");
        lines.add(String.format(Locale.ROOT, "ceiling,postgres pgbench -N,,,,,%.1f,,,,,,,", ceilings.postgresTps()));
        lines.add(String.format(Locale.ROOT, "ceiling,kafka producer,,,,,%.1f,,,,,,,", ceilings.kafkaRecordsPerSecond()));
        for (Round round : rounds) {
            int n = round.instances;
            for (Latencies.Figures stage : round.stages) {
                lines.add(String.format(Locale.ROOT, "stage,%s,%d,,%d,%d,%.2f,%.2f,%.2f,%.1f,%.4f,,,", stage.stage(), n,
                        stage.calls(), stage.failed(), stage.perSecond(), stage.p50Millis(), stage.p99Millis(),
                        ceilings.postgresTps(), stage.perSecond() / ceilings.postgresTps()));
            }
            for (Outcomes.Lag lag : round.lags) {
                lines.add(String.format(Locale.ROOT, "lag,%s,%d,%d,%d,%d,%.2f,%.2f,%.2f,,,,,", lag.effect(), n,
                        lag.offeredRate(), lag.count(), lag.missing(),
                        round.offered.getOrDefault(lag.offeredRate(), Double.NaN), lag.p50Millis(), lag.p99Millis()));
            }
            double eventsPerSecond = round.events / Math.max(round.pipelineSeconds, 1);
            lines.add(String.format(Locale.ROOT, "events,all topics,%d,,%d,,%.2f,,,%.1f,%.4f,,,", n, round.events,
                    eventsPerSecond, ceilings.kafkaRecordsPerSecond(), eventsPerSecond / ceilings.kafkaRecordsPerSecond()));
            round.usage.values().forEach(u -> lines.add(String.format(Locale.ROOT, "service,%s,%d,,,,,,,,,%d,%.1f,%.2f",
                    u.service(), n, u.peakRssMb(), u.cpuPercent(), u.startSeconds())));
        }
        if (rankingScale != null) {
            lines.add(String.format(Locale.ROOT, "ranking,refit %d learners,1,,%d,,,%.2f,,,,,,", rankingScale.learners(),
                    rankingScale.reviews(), rankingScale.refitSeconds() * 1000));
            lines.add(String.format(Locale.ROOT, "ranking,published after refit,1,,,,,%.2f,,,,,,",
                    rankingScale.publishSeconds() * 1000));
            for (Latencies.Figures stage : List.of(rankingScale.readsDuringRefit(), rankingScale.cohortPage(),
                    rankingScale.leaderboardPage())) {
                lines.add(String.format(Locale.ROOT, "ranking,%s,1,,%d,%d,%.2f,%.2f,%.2f,,,,,", stage.stage(), stage.calls(),
                        stage.failed(), stage.perSecond(), stage.p50Millis(), stage.p99Millis()));
            }
        }
        Files.write(file, lines);
        return file;
    }

    /** Lag (p50 dashed, p99 solid) to each effect against the offered submission rate, in one round. */
    Path writeChart(Path file, Round round) throws IOException {
        Map<Integer, Double> offered = round.offered;
        List<Outcomes.Lag> lags = round.lags;
        int width = 640;
        int height = 360;
        int left = 60;
        int right = 150;
        int top = 30;
        int bottom = 50;
        double maxRate = offered.keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
        double maxLag = Math.max(1, lags.stream().mapToDouble(Outcomes.Lag::p99Millis).filter(Double::isFinite).max().orElse(1000) / 1000);
        double yTop = Math.ceil(maxLag);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">Lag from submission to its effects, by offered rate%s</text>%n",
                left, round.instances == 1 ? "" : ", " + round.instances + " processes per service"));
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", left, top + plotH, left + plotW, top + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", left, top, left, top + plotH));
        for (int tick = 0; tick <= 4; tick++) {
            double value = yTop * tick / 4;
            int y = (int) (top + plotH - plotH * tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.1f s</text>%n", left, y, left + plotW, y, left - 6, y + 4, value));
        }
        for (int rate : offered.keySet()) {
            int x = (int) (left + plotW * rate / maxRate);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, top + plotH + 16, rate));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered submissions per second</text>%n",
                left + plotW / 2, height - 10));
        String[][] series = { { "final score", "#1f77b4" }, { "ranking update", "#2ca02c" }, { "payable", "#d62728" } };
        int legendY = top + 10;
        for (String[] effect : series) {
            for (boolean p99 : new boolean[] { true, false }) {
                StringBuilder points = new StringBuilder();
                for (Outcomes.Lag lag : lags) {
                    double value = p99 ? lag.p99Millis() : lag.p50Millis();
                    if (lag.effect().equals(effect[0]) && Double.isFinite(value)) {
                        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plotW * lag.offeredRate() / maxRate,
                                top + plotH - plotH * Math.min(1, value / 1000 / yTop)));
                    }
                }
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                        effect[1], p99 ? "" : " stroke-dasharray=\"5,4\"", points.toString().strip()));
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", width - right + 10, legendY, width - right + 30, legendY,
                    effect[1], width - right + 36, legendY + 4, effect[0]));
            legendY += 18;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">solid p99, dashed p50</text>%n",
                width - right + 10, legendY + 4));
        svg.append("</svg>\n");
        Files.writeString(file, svg);
        return file;
    }
}
