package dev.proofwork.runtime.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule of the domain said no. Entities and services throw one of the few kinds below with a stable slug
 * (the problem type clients switch on), a title, a detail in plain words and the facts behind it (the current
 * state, a deadline, a shortfall). Which HTTP status each kind gets is decided once, in the runtime's problem
 * mappers: that table is the API's error catalogue (README, "Errors").
 */
public abstract sealed class DomainException extends RuntimeException {

    /** One refused input: the field's path in the request ({@code rubric[1].weight}) and why. */
    public record Field(String field, String message) {
    }

    private final String slug;
    private final String title;
    private final List<Field> fields;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    DomainException(String slug, String title, String detail, List<Field> fields) {
        // a refusal is an answer, not a fault: no stack trace to fill
        super(detail, null, false, false);
        this.slug = slug;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    /** Adds a fact the client can act on, sent as a member of the problem. */
    public DomainException with(String fact, Object value) {
        facts.put(fact, value);
        return this;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Field> fields() {
        return fields;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    /** What was asked for does not exist, or the caller may not know it exists. */
    public static final class NotFound extends DomainException {
        public NotFound(String what) {
            this("not-found", "Not found", what + " does not exist");
        }

        public NotFound(String slug, String title, String detail) {
            super(slug, title, detail, List.of());
        }
    }

    /** The caller may use this endpoint, but not on this thing (another org's account, their own work). */
    public static final class NotAllowed extends DomainException {
        public NotAllowed(String slug, String title, String detail) {
            super(slug, title, detail, List.of());
        }
    }

    /** The thing is not in a state that allows it: not open, already submitted, past its deadline. */
    public static final class InvalidState extends DomainException {
        public InvalidState(String slug, String title, String detail) {
            super(slug, title, detail, List.of());
        }

        public InvalidState(String slug, String title, Field field) {
            super(slug, title, field.field() + " " + field.message(), List.of(field));
        }
    }

    /** It clashes with what already exists: a second attempt, a second appeal, a seat that is gone. */
    public static final class Conflict extends DomainException {
        public Conflict(String slug, String title, String detail) {
            super(slug, title, detail, List.of());
        }
    }

    /** A business rule refuses it although the request is well formed: a scope that breaks the rules, no consent. */
    public static final class Refused extends DomainException {
        public Refused(String slug, String title, String detail) {
            super(slug, title, detail, List.of());
        }
    }

    /** An outside party (the payment provider) declined; nothing was changed and the same request may be retried. */
    public static final class Declined extends DomainException {
        public Declined(String slug, String title, String detail) {
            super(slug, title, detail, List.of());
        }
    }

    /** An Idempotency-Key came back with a different request than the one it first named. */
    public static final class KeyReused extends DomainException {
        public KeyReused(String detail) {
            super("idempotency-key-reused", "Idempotency-Key reused", detail, List.of());
        }
    }

    /** Fields the rules refuse, beyond what the request's declared constraints catch. */
    public static final class InvalidInput extends DomainException {
        public InvalidInput(List<Field> fields) {
            super("invalid-request", "The request is not valid", fields.size() == 1
                    ? fields.getFirst().field() + " " + fields.getFirst().message()
                    : fields.size() + " fields are not valid", fields);
        }

        public InvalidInput(String field, String message) {
            this(List.of(new Field(field, message)));
        }
    }

    /** More than the limits allow (a submission's files or text). */
    public static final class TooLarge extends DomainException {
        public TooLarge(String title, List<Field> fields) {
            super("too-large", title, fields.size() == 1 ? fields.getFirst().field() + " " + fields.getFirst().message()
                    : fields.size() + " fields are too large", fields);
        }
    }
}
