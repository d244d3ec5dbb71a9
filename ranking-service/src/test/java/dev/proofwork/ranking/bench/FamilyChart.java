package dev.proofwork.ranking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's summary as one SVG: per scenario family, Spearman of what is served beside the refit, the
 * online model and the raw mean (bars) and what the refit would reach with every cohort placed exactly (a mark:
 * the most better links could add), and 90% interval coverage against the 0.85-0.95 target band (dots).
 */
final class FamilyChart {

    private record Series(String method, String label, String colour) {
    }

    private static final List<Series> SPEARMAN = List.of(
            new Series("facets served", "served", "#1f6feb"),
            new Series("facets refit", "refit", "#7ea7e8"),
            new Series("facets online", "online", "#9aa4b2"),
            new Series("raw mean score", "raw mean", "#d29922"));
    private static final List<Series> COVERAGE = List.of(
            new Series("facets served", "served", "#1f6feb"),
            new Series("facets refit", "refit", "#7ea7e8"),
            new Series("facets online", "online", "#9aa4b2"),
            new Series("refit, no decay", "refit before decay", "#2da44e"));

    private static final Series CEILING = new Series("refit, cohorts exact",
            "the refit with every cohort placed exactly", "#24292f");

    private FamilyChart() {
    }

    static void write(Path file, Map<String, Map<String, double[]>> byFamily) throws IOException {
        int families = byFamily.size();
        int left = 150;
        int plotW = 300;
        int gap = 60;
        int rowH = 34;
        int top = 56;
        int plotH = rowH * families;
        int width = left + 2 * plotW + gap + 80;
        int height = top + plotH + 90;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">Ranking quality by scenario family</text>%n", left));
        int spearmanX = left;
        int coverX = left + plotW + gap;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"42\">Spearman with the true ability (0.5 to 1)</text>%n", spearmanX));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"42\">90%% interval coverage (0.6 to 1; target band shaded)</text>%n", coverX));
        // coverage target band
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#e6f4ea\"/>%n",
                coverX + scale(0.85, 0.6, 1, plotW), top, scale(0.95, 0.6, 1, plotW) - scale(0.85, 0.6, 1, plotW), plotH));
        for (double tick = 0.5; tick <= 1.0001; tick += 0.1) {
            gridLine(svg, spearmanX + scale(tick, 0.5, 1, plotW), top, plotH, tick);
        }
        for (double tick = 0.6; tick <= 1.0001; tick += 0.1) {
            gridLine(svg, coverX + scale(tick, 0.6, 1, plotW), top, plotH, tick);
        }
        int row = 0;
        for (Map.Entry<String, Map<String, double[]>> family : byFamily.entrySet()) {
            int y = top + row * rowH;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8,
                    y + rowH / 2 + 4, family.getKey()));
            double barH = (rowH - 6) / (double) SPEARMAN.size();
            for (int k = 0; k < SPEARMAN.size(); k++) {
                double value = family.getValue().get(SPEARMAN.get(k).method())[0];
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        spearmanX, y + 3 + k * barH, Math.max(0, scale(value, 0.5, 1, plotW)), barH - 1,
                        SPEARMAN.get(k).colour()));
            }
            double ceiling = spearmanX + Math.max(0, scale(family.getValue().get(CEILING.method())[0], 0.5, 1, plotW));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n", ceiling, ceiling, y + 1, y + rowH - 1, CEILING.colour()));
            for (int k = 0; k < COVERAGE.size(); k++) {
                double value = family.getValue().get(COVERAGE.get(k).method())[3];
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n",
                        coverX + Math.max(0, scale(value, 0.6, 1, plotW)), y + 5 + k * (rowH - 10) / 3.0,
                        COVERAGE.get(k).colour()));
            }
            row++;
        }
        int legendY = top + plotH + 40;
        legend(svg, spearmanX, legendY, SPEARMAN, "rect");
        legend(svg, coverX, legendY, COVERAGE, "circle");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n", spearmanX + 5, spearmanX + 5,
                legendY + 10, legendY + 22, CEILING.colour(), spearmanX + 14, legendY + 20, CEILING.label()));
        svg.append("</svg>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg);
    }

    private static double scale(double value, double from, double to, int width) {
        return (value - from) / (to - from) * width;
    }

    private static void gridLine(StringBuilder svg, double x, int top, int plotH, double tick) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%.1f</text>%n", x, top, x, top + plotH, x,
                top + plotH + 14, tick));
    }

    private static void legend(StringBuilder svg, int x, int y, List<Series> series, String shape) {
        int at = x;
        for (Series s : series) {
            svg.append(shape.equals("rect")
                    ? String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", at, y - 9, s.colour())
                    : String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>", at + 5, y - 4, s.colour()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", at + 14, y, s.label()));
            at += 14 + 7 * s.label().length() + 12;
        }
    }
}
