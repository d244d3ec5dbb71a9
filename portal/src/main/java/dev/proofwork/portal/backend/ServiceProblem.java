package dev.proofwork.portal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused a request with an RFC 9457 problem: its status, its plain-words detail, and the fields
 * it named, so a page can show each reason next to the input it is about.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(int status, JsonNode problem) {
        super(problem.path("detail").asText(problem.path("title").asText("the service refused the request")));
        this.status = status;
        this.title = problem.path("title").asText("Refused");
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> errors.merge(error.path("field").asText(), error.path("message").asText(),
                (a, b) -> a + "; " + b));
        this.fieldErrors = errors;
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
