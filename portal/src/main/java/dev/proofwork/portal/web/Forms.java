package dev.proofwork.portal.web;

import dev.proofwork.portal.backend.ServiceProblem;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Post, then redirect (so a reload never posts twice); a refusal re-renders the page with its reasons. */
public final class Forms {

    private Forms() {
    }

    public static Response postThenRedirect(String to, Runnable action, Supplier<TemplateInstance> page) {
        return postThenRedirect(() -> {
            action.run();
            return to;
        }, page);
    }

    /** The same, where the page to go to comes from the answer (the attempt a claim created, say). */
    public static Response postThenRedirect(Supplier<String> actionThenTarget, Supplier<TemplateInstance> page) {
        try {
            return Response.seeOther(URI.create(actionThenTarget.get())).build();
        } catch (ServiceProblem refused) {
            return Response.status(refused.status())
                    .entity(page.get().data("errors", refused.fieldErrors()).data("message", refused.getMessage()).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    /**
     * "12.50" in a form → 1250 minor units. What is not an amount with at most two decimals goes through as
     * typed, so the service refuses it naming the field.
     */
    public static Object minorUnits(String amount) {
        if (amount == null) {
            return "";
        }
        try {
            return new BigDecimal(amount.strip()).movePointRight(2).longValueExact();
        } catch (RuntimeException notAnAmount) {
            return amount;
        }
    }

    /** A number as typed; what is not one goes through as text, so the service refuses it naming the field. */
    public static Object whole(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (RuntimeException e) {
            return value;
        }
    }

    /**
     * A date field ("2026-12-01") as the instant {@code on} makes of that day; null when left empty. What is not a
     * date goes through as typed, so the service refuses it naming the field.
     */
    public static Object instant(String date, Function<LocalDate, Instant> on) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return on.apply(LocalDate.parse(date.strip())).toString();
        } catch (DateTimeParseException notADate) {
            return date;
        }
    }

    public static Object decimal(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (RuntimeException e) {
            return value;
        }
    }
}
