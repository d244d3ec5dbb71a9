package dev.proofwork.portal.learner;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A learner's score over time as an SVG drawn on the server: the estimate with its ±2 sigma band (whose
 * lower edge is the published score), then the published score's decay until the proof would lapse.
 * Coordinates are in a fixed view box; the SVG scales to the page's width.
 */
@TemplateData
public record ScoreChart(String band, String estimate, String published, String decay, double nowX, double lapseX,
        List<Tick> xTicks, List<Tick> yTicks) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    private static final double LEFT = 44;
    private static final double RIGHT = 12;
    private static final double TOP = 10;
    private static final double BOTTOM = 28;
    private static final double SCALE = 150;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A labelled position on an axis; {@code labelAt} is where its label sits (beside or under it). */
    @TemplateData
    public record Tick(double at, double labelAt, String anchor, String label) {
    }

    /** From ranking-service's history: {@code moves} (at, mu, sigma, score) and {@code decay} (at, score). */
    static ScoreChart of(JsonNode history) {
        JsonNode moves = history.path("moves");
        JsonNode decay = history.path("decay");
        Instant now = Instant.parse(decay.path(0).path("at").asText());
        Instant lapse = Instant.parse(history.path("now").path("proofValidUntil").asText(now.toString()));
        Instant from = moves.isEmpty() ? now.minusSeconds(86_400) : Instant.parse(moves.path(0).path("at").asText());
        Instant to = Instant.parse(decay.path(decay.size() - 1).path("at").asText());
        Axis x = new Axis(Math.min(from.getEpochSecond(), now.getEpochSecond() - 60), now.getEpochSecond(),
                Math.max(to.getEpochSecond(), now.getEpochSecond() + 1));

        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder estimate = new StringBuilder();
        StringBuilder published = new StringBuilder();
        List<String> lowerPoints = new ArrayList<>();
        for (JsonNode move : moves) {
            double px = x.at(Instant.parse(move.path("at").asText()).getEpochSecond());
            double mu = move.path("mu").asDouble();
            double sigma = move.path("sigma").asDouble();
            point(upper, px, y(500 + SCALE * (mu + 2 * sigma)));
            lowerPoints.add(coordinate(px, y(500 + SCALE * (mu - 2 * sigma))));
            point(estimate, px, y(500 + SCALE * mu));
            point(published, px, y(move.path("score").asDouble()));
        }
        // the estimate as of now, its doubt grown since the last evidence
        JsonNode current = history.path("now");
        double nowX = x.at(x.now);
        point(upper, nowX, y(500 + SCALE * (current.path("mu").asDouble() + 2 * current.path("sigma").asDouble())));
        lowerPoints.add(coordinate(nowX, y(500 + SCALE * (current.path("mu").asDouble() - 2 * current.path("sigma").asDouble()))));
        point(estimate, nowX, y(500 + SCALE * current.path("mu").asDouble()));
        point(published, nowX, y(current.path("score").asDouble()));
        for (int i = lowerPoints.size() - 1; i >= 0; i--) {
            lower.append(lowerPoints.get(i)).append(' ');
        }
        StringBuilder decayLine = new StringBuilder();
        for (JsonNode point : decay) {
            point(decayLine, x.at(Instant.parse(point.path("at").asText()).getEpochSecond()), y(point.path("score").asDouble()));
        }

        List<Tick> xTicks = new ArrayList<>();
        for (long second : new long[] { x.from, (x.from + x.now) / 2, x.now, (x.now + x.to) / 2, x.to }) {
            String anchor = second == x.from ? "start" : second == x.to ? "end" : "middle";
            DateTimeFormatter format = second < x.now && x.now - x.from < 2 * 86_400 ? HOUR : DAY;
            String label = second == x.now ? "now" : format.format(Instant.ofEpochSecond(second));
            // evidence of the last few minutes would label the past twice with the same time
            if (xTicks.isEmpty() || !xTicks.getLast().label().equals(label)) {
                xTicks.add(new Tick(x.at(second), x.at(second), anchor, label));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int score = 0; score <= 1000; score += 250) {
            yTicks.add(new Tick(y(score), y(score) + 4, "end", Integer.toString(score)));
        }
        return new ScoreChart((upper + lower.toString()).strip(), estimate.toString().strip(), published.toString().strip(),
                decayLine.toString().strip(), nowX, x.at(Math.min(lapse.getEpochSecond(), x.to)),
                xTicks, yTicks);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** Where the score labels end, just left of the plot. */
    public double labelX() {
        return LEFT - 6;
    }

    /** The baseline of the date labels. */
    public double labelY() {
        return HEIGHT - 8;
    }

    public double left() {
        return LEFT;
    }

    public double right() {
        return WIDTH - RIGHT;
    }

    public double top() {
        return TOP;
    }

    public double bottom() {
        return HEIGHT - BOTTOM;
    }

    /** Time, in two linear parts: the past (first evidence to now) on the left, the future to the lapse on the right. */
    private record Axis(long from, long now, long to) {
        private static final double PAST_SHARE = 0.55;

        double at(long second) {
            double plot = WIDTH - LEFT - RIGHT;
            double share = second <= now ? PAST_SHARE * (second - from) / Math.max(1, now - from)
                    : PAST_SHARE + (1 - PAST_SHARE) * (second - now) / (double) Math.max(1, to - now);
            return round(LEFT + plot * share);
        }
    }

    private static double y(double score) {
        double clamped = Math.max(0, Math.min(1000, score));
        return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - clamped / 1000));
    }

    private static void point(StringBuilder line, double x, double y) {
        line.append(coordinate(x, y)).append(' ');
    }

    private static String coordinate(double x, double y) {
        return x + "," + y;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
