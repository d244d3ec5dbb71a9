package dev.proofwork.portal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request, as an RFC 9457 problem: its status, its plain-words detail, and the fields it named, so a
 * page can show each reason next to the input it is about.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;

    private ServiceProblem(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = fieldErrors;
    }

    /** What a service answered. */
    public ServiceProblem(int status, JsonNode problem) {
        this(status, problem.path("title").asText("Refused"),
                problem.path("detail").asText(problem.path("title").asText("the service refused the request")),
                fieldsOf(problem));
    }

    private static Map<String, String> fieldsOf(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> errors.merge(error.path("field").asText(), error.path("message").asText(),
                (a, b) -> a + "; " + b));
        return errors;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** field → reason, e.g. {@code payPerSubmission.amountMinor → must be a whole number within range}. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
