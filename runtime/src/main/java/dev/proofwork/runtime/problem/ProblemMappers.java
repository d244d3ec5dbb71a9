package dev.proofwork.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.proofwork.runtime.problem.Problem.FieldError;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refusal into {@code application/problem+json}, naming the fields at fault. */
public class ProblemMappers {

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return respond(e.problem());
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
        String reason = e.getOriginalMessage().split("\n")[0];
        return respond(Problem.invalidRequest(List.of(new FieldError(field.isEmpty() ? "body" : field,
                field.isEmpty() ? "is not valid JSON: " + reason : "has the wrong type or format: " + reason))));
    }

    /** Registered for the exact type too, so it replaces the framework's own non-problem body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your role does not allow this"));
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

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render problem", e);
        }
    }

    /** {@code draft.request.rubric[1].weight} becomes {@code rubric[1].weight}: the path inside the body. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                field.setLength(0);
                field.append(node.getName());
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
