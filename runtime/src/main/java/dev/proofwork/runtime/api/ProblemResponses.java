package dev.proofwork.runtime.api;

import dev.proofwork.runtime.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every service's API document says how its operations fail, the same way the problem mappers answer: a
 * 400 naming the fields where an operation takes input, 401 and 403 where it needs a role, 404 where it
 * names a resource in its path, and every 4xx as {@code application/problem+json}. Refusals particular to
 * an operation (a 409 for a state that forbids it, a 402 for a declined payment) are declared on it with
 * {@code @APIResponse}, and get the same body here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> describeFailures(item, operation)));
    }

    private static void describeFailures(PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null || !parameters(item, operation).isEmpty()) {
            addIfAbsent(responses, "400", "The input is malformed; the problem names each field at fault");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfAbsent(responses, "401", "No valid token");
            addIfAbsent(responses, "403", "The caller's role or organisation may not do this");
        }
        if (parameters(item, operation).stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "Nothing the caller may see is at this path");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> own = operation.getParameters() == null ? List.of() : operation.getParameters();
        List<Parameter> shared = item.getParameters() == null ? List.of() : item.getParameters();
        return java.util.stream.Stream.concat(own.stream(), shared.stream()).toList();
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", text, "message", text));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; extension members (a current state, a deadline) may follow")
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .description("urn:proofwork:problem:<slug>, stable per kind of refusal"),
                        "title", text,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", text,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)));
    }
}
