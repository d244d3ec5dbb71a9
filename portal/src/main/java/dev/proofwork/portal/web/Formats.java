package dev.proofwork.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How figures read on the pages: money with its currency, chances as percentages, times in UTC. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code {amountMinor: 4500, currency: EUR}} → "45.00 EUR". */
    static String money(Object money) {
        if (!(money instanceof Map<?, ?> m) || m.get("amountMinor") == null) {
            return "";
        }
        return minor(m.get("amountMinor"), String.valueOf(m.get("currency")));
    }

    static String minor(Object amountMinor, String currency) {
        if (amountMinor == null) {
            return "";
        }
        long minor = ((Number) amountMinor).longValue();
        return "%s%d.%02d %s".formatted(minor < 0 ? "-" : "", Math.abs(minor) / 100, Math.abs(minor) % 100, currency);
    }

    static String percent(Object share) {
        return share instanceof Number n ? Math.round(n.doubleValue() * 100) + "%" : "";
    }

    /** A percentile on 0..100, as ranking-service publishes it. */
    static String percentile(Object value) {
        return value instanceof Number n ? Math.round(n.doubleValue()) + "th percentile" : "";
    }

    static String decimal(Object value) {
        return value instanceof Number n ? "%.2f".formatted(n.doubleValue()) : "";
    }

    static String when(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(instant.toString()));
        } catch (RuntimeException notAnInstant) {
            return instant.toString();
        }
    }

    /**
     * A change on the model's scale as signed score points: {@code perUnit} is 150 for the estimate and
     * -300 for sigma, as the published score is 500 + 150 * (mu - 2 * sigma).
     */
    static String points(Object change, int perUnit) {
        if (!(change instanceof Number n)) {
            return "";
        }
        long points = Math.round(n.doubleValue() * perUnit);
        return (points > 0 ? "+" : points < 0 ? "−" : "±") + Math.abs(points);
    }

    /** Width of a bar for a share in 0..1, for charts drawn with plain HTML. */
    static long barWidth(Object share) {
        return share instanceof Number n ? Math.max(0, Math.min(100, Math.round(n.doubleValue() * 100))) : 0;
    }
}
