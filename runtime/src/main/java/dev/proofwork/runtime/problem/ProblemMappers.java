package dev.proofwork.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.proofwork.runtime.domain.DomainException;
import dev.proofwork.runtime.problem.Problem.FieldError;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into {@code application/problem+json}, naming the fields at fault. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** unique_violation, serialization_failure, deadlock_detected: another request got there first. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");
    /**
     * SQLSTATE classes of a database that cannot serve now (08 connection exception, 53 insufficient resources
     * such as too many connections, 57P operator intervention such as a shutdown or a restart in progress).
     */
    private static final List<String> UNAVAILABLE_STATES = List.of("08", "53", "57P");
    /** Seconds a client should wait before trying a request the database could not serve. */
    static final String RETRY_AFTER_SECONDS = "2";

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return respond(e.problem());
    }

    /** The error catalogue: the one place where a kind of domain refusal gets its HTTP status. */
    static int statusOf(DomainException e) {
        return switch (e) {
            case DomainException.InvalidInput invalid -> 400;
            case DomainException.Declined declined -> 402;
            case DomainException.NotAllowed notAllowed -> 403;
            case DomainException.NotFound notFound -> 404;
            case DomainException.InvalidState invalidState -> 409;
            case DomainException.Conflict conflict -> 409;
            case DomainException.Refused refused -> 409;
            case DomainException.TooLarge tooLarge -> 413;
            case DomainException.KeyReused reused -> 422;
        };
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        List<FieldError> fields = e.fields().stream().map(f -> new FieldError(f.field(), f.message())).toList();
        Problem problem = fields.isEmpty() ? Problem.of(statusOf(e), e.slug(), e.title(), e.getMessage())
                : Problem.fieldErrors(statusOf(e), e.slug(), e.title(), fields);
        e.facts().forEach(problem::with);
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response invalid(ResteasyReactiveViolationException e) {
        return invalid((ConstraintViolationException) e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(Problem.invalidRequest(errors));
    }

    /** Malformed JSON, a wrong type or an unknown value: name the field where the body went wrong. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return respond(Problem.invalidRequest(List.of(new FieldError(field, "is not a known field"))));
        }
        if (field.isEmpty()) {
            return respond(Problem.invalidRequest(List.of(new FieldError("body",
                    "is not a JSON object of the expected shape: " + e.getOriginalMessage().split("\n")[0]))));
        }
        return respond(Problem.invalidRequest(List.of(new FieldError(field, expectation(e)))));
    }

    /** What the field should have been, in words a client can act on, without the parser's internals. */
    private static String expectation(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException invalid && invalid.getCause() != null) {
            return invalid.getCause().getMessage();
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            return "must be a number within range";
        }
        return expectationOf(e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
    }

    /** The form a value of this type takes, as a client should read it. */
    private static String expectationOf(Class<?> target) {
        if (target == null) {
            return "has the wrong type or format";
        }
        if (target == long.class || target == Long.class || target == int.class || target == Integer.class
                || target == short.class || target == Short.class) {
            return "must be a whole number within range";
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class
                || target == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (target == java.time.Instant.class) {
            return "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    /** Registered for the exact type too, so it replaces the framework's own non-problem body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthenticated();
    }

    private Response unauthenticated() {
        Problem problem = Problem.of(401, "unauthenticated", "Sign-in required",
                "send a valid bearer access token from the proofwork realm");
        return Response.fromResponse(respond(problem)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your role does not allow this"));
    }

    /**
     * A query or path parameter the framework could not convert ({@code ?page=abc}, a malformed id): JAX-RS
     * answers 404 with no word of why, but the request reached an endpoint with a malformed value, so it is a
     * 400 naming the parameter and the form it must take. A 404 for an unknown path stays one.
     */
    @ServerExceptionMapper
    public Response unconvertible(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || e.getCause() == null || e.getCause() instanceof WebApplicationException) {
            return web(e);
        }
        List<FieldError> errors = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int p = 0; p < types.length; p++) {
            for (Annotation annotation : annotations[p]) {
                String name = switch (annotation) {
                    case QueryParam query -> query.value();
                    case PathParam path -> path.value();
                    default -> null;
                };
                List<String> values = name == null ? null : annotation instanceof QueryParam
                        ? uri.getQueryParameters().get(name) : uri.getPathParameters().get(name);
                Class<?> type = types[p];
                if (values != null && values.stream().anyMatch(value -> !converts(type, value))) {
                    errors.add(new FieldError(name, expectationOf(type)));
                }
            }
        }
        return errors.isEmpty() ? web(e) : respond(Problem.invalidRequest(errors));
    }

    /** Whether the framework's conversion of a parameter to this type takes the value. */
    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type.isEnum()) {
                Enum.valueOf(type.asSubclass(Enum.class), value);
            } else if (type == java.time.Instant.class) {
                java.time.Instant.parse(value);
            }
            return true;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase(),
                e.getMessage()));
    }

    /**
     * Whatever no other mapper names. A concurrent write that lost a race (unique key, optimistic lock,
     * serialization failure) is a 409 the client may retry; a database that cannot take the request now (down,
     * restarting, out of connections) is a 503 with Retry-After; anything else is a 500
     * whose body carries a correlation id that the log line repeats, so no request ever ends without a problem body.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException refused) {
                return respond(refused.problem());
            }
            if (cause instanceof DomainException refused) {
                return refused(refused);
            }
            if (cause instanceof WebApplicationException web) {
                return web(web);
            }
            if (isConflict(cause)) {
                return respond(Problem.of(409, "concurrent-update", "Concurrent update",
                        "another request changed the same thing at the same time; read it again and retry"));
            }
            if (isUnavailable(cause)) {
                LOG.warnf("database unavailable [correlationId=%s]: %s", CorrelationIds.current(), cause.getMessage());
                return Response.fromResponse(respond(Problem.of(503, "database-unavailable", "Service unavailable",
                        "the service cannot reach its database right now; retry shortly, with the same Idempotency-Key"
                                + " where the request takes one"))).header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
        }
        LOG.errorf(e, "request failed unexpectedly [correlationId=%s]", CorrelationIds.current());
        return respond(Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed; quote the correlation id when reporting it"));
    }

    private static boolean isConflict(Throwable e) {
        if (e instanceof OptimisticLockException || e instanceof StaleStateException) {
            return true;
        }
        if (e instanceof org.hibernate.exception.ConstraintViolationException violation
                && CONFLICT_STATES.contains(violation.getSQLState())) {
            return true;
        }
        if (e instanceof org.hibernate.exception.LockAcquisitionException) {
            return true;
        }
        return e instanceof io.vertx.pgclient.PgException pg && CONFLICT_STATES.contains(pg.getSqlState());
    }

    private static boolean isUnavailable(Throwable e) {
        if (e instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null) {
            return UNAVAILABLE_STATES.stream().anyMatch(pg.getSqlState()::startsWith);
        }
        return e instanceof java.net.ConnectException || e instanceof io.vertx.sqlclient.ClosedConnectionException;
    }

    /** Every refusal names its correlation id, and the service's log says which refusal it was. */
    private Response respond(Problem problem) {
        String correlationId = CorrelationIds.current();
        problem.with(CorrelationIds.KEY, correlationId);
        if (problem.getStatus() < 500) {
            LOG.infof("refused with %d %s [correlationId=%s]", problem.getStatus(), problem.getType(), correlationId);
        }
        try {
            return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render problem", e);
        }
    }

    /**
     * {@code draft.request.rubric[1].weight} becomes {@code rubric[1].weight}: the path inside the body; a
     * header, query or path parameter is named as the client sends it ({@code Idempotency-Key}).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                field.setLength(0);
                field.append(wireName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class)));
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        // a body parameter's own name says nothing to the client: strip it, keep the path inside the body
        String path = field.toString();
        int dot = path.indexOf('.');
        boolean bodyParameter = violation.getPropertyPath().iterator().hasNext() && dot > 0
                && isParameterNode(violation.getPropertyPath(), path.substring(0, dot));
        return bodyParameter ? path.substring(dot + 1) : path.isEmpty() ? "body" : path;
    }

    /** The name in the parameter's {@code @HeaderParam}, {@code @QueryParam} or {@code @PathParam}, else its Java name. */
    private static String wireName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (method != null) {
            Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
            // the bean may be a generated subclass whose overriding method carries no annotations
            for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
                try {
                    for (Annotation annotation : type.getDeclaredMethod(method.getName(), types)
                            .getParameterAnnotations()[parameter.getParameterIndex()]) {
                        switch (annotation) {
                            case HeaderParam header -> { return header.value(); }
                            case QueryParam query -> { return query.value(); }
                            case PathParam path -> { return path.value(); }
                            default -> { }
                        }
                    }
                } catch (NoSuchMethodException notDeclaredHere) {
                    // look in the superclass
                }
            }
        }
        return parameter.getName();
    }

    private static boolean isParameterNode(Path path, String name) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.getName().equals(name);
            }
        }
        return false;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
