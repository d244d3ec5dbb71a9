package dev.proofwork.runtime.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} lists each refused field with the reason; further members
 * (the current state, a deadline, a shortfall) are extension members at the top level, as the RFC allows.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "errors" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused input: the field's JSON path in the request ({@code rubric[1].weight}) and why. */
    public record FieldError(String field, String message) {
    }

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** @param slug short kebab-case name of the problem kind, e.g. {@code invalid-state} */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:proofwork:problem:" + slug, title, status, detail, List.of());
    }

    public static Problem invalidRequest(List<FieldError> errors) {
        return fieldErrors(400, "invalid-request", "The request is not valid", errors);
    }

    /** A refusal caused by particular fields, e.g. 400 for malformed ones or 413 for oversize ones. */
    public static Problem fieldErrors(int status, String slug, String title, List<FieldError> errors) {
        return new Problem("urn:proofwork:problem:" + slug, title, status,
                errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                        : errors.size() + " fields are not valid",
                errors);
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
