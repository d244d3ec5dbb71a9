package dev.proofwork.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Probes every operation of a service's own OpenAPI document the way a hostile client would, so that a new
 * endpoint is covered the day it is written:
 * <ul>
 * <li>the authorization matrix: no token is 401, each role the operation does not list is 403, an employer
 * of another organisation is 403 or 404;</li>
 * <li>malformed input on every JSON body: broken JSON, wrong types, floats for integers, out-of-range and
 * oversize values, bad UUIDs and instants, unknown fields: a 400 (or 413) problem that names the field; a
 * JSON body sent as text/plain: a 415; and
 * on every number or UUID in a query or a path, a 400 naming the parameter;</li>
 * <li>never a 5xx, always {@code application/problem+json} on refusal, and not one row written anywhere in
 * the service's database by all the refused requests together.</li>
 * </ul>
 * Each variant starts from a body that is valid where a subclass gives one ({@link #validBodies()}), else one
 * made from the schema, and breaks exactly one field.
 */
public abstract class ApiProbeContract {

    private static final List<String> ROLES = List.of("employer", "learner", "reviewer", "operator");
    private static final String ORG = "org-probe";
    private static final String OTHER_ORG = "org-probe-other";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longer than any text field of the API may be, yet far under the request body limit. */
    private static final int OVERSIZE = 100_000;

    private JsonNode document;
    private final List<String> failures = new ArrayList<>();

    /** Valid bodies, keyed {@code "POST /api/v1/auditions"}: a field broken in them is the only fault. */
    protected Map<String, String> validBodies() {
        return Map.of();
    }

    @BeforeEach
    void readTheDocument() throws Exception {
        String text = OperationsEndpointsContract.management().queryParam("format", "json").get("/q/openapi").asString();
        document = JSON.readTree(text);
    }

    @Test
    void everyOperationRefusesCallersItDoesNotServe() throws Exception {
        Map<String, Long> before = settledRowCounts();
        forEachOperation((method, path, operation) -> {
            JsonNode security = operation.path("security");
            if (security.isMissingNode() || security.isEmpty()) {
                return;
            }
            List<String> allowed = new ArrayList<>();
            security.get(0).fields().next().getValue().forEach(role -> allowed.add(role.asText()));
            String body = bodyFor(method, path, operation);
            expect(method, path, "no token", call(given(), method, path, body, ORG), 401);
            for (String role : ROLES) {
                if (!allowed.contains(role)) {
                    expect(method, path, "role " + role, call(given().auth().oauth2(token(role, ORG)), method, path, body, ORG),
                            403);
                }
            }
            if (allowed.contains("employer") && path.contains("{orgId}")) {
                expect(method, path, "employer of another org",
                        call(given().auth().oauth2(token("employer", OTHER_ORG)), method, path, body, ORG), 403, 404);
            }
        });
        assertThat(failures).as("operations that served a caller they must refuse").isEmpty();
        assertThat(rowCounts()).as("rows in the service's tables after refused calls").isEqualTo(before);
    }

    @Test
    void everyJsonBodyRefusesMalformedInputNamingTheField() throws Exception {
        Map<String, Long> before = settledRowCounts();
        forEachOperation((method, path, operation) -> {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            String role = firstRole(operation);
            RequestSpecification caller = role == null ? given() : given().auth().oauth2(token(role, ORG));
            String label = method.toUpperCase() + " " + path;
            for (String broken : List.of("{", "{\"a\":", "[]", "\"text\"", "42", "null")) {
                expectNamed(label, "body " + broken, call(caller, method, path, broken, ORG), "body", false);
            }
            ObjectNode base = baseBody(method, path, schema);
            // the same body under another media type is refused as such, never read as something else
            expect(method, path, "a JSON body sent as text/plain",
                    call(caller, method, path, base.toString(), ORG, "text/plain"), 415);
            ObjectNode unknown = base.deepCopy();
            unknown.put("surelyNotAField", 1);
            expectNamed(label, "unknown field", call(caller, method, path, unknown.toString(), ORG), "surelyNotAField", true);
            mutate(base, resolve(schema), "", (field, variant, body) -> expectNamed(label, field + " " + variant,
                    call(caller, method, path, body.toString(), ORG), field, true));
        });
        assertThat(failures).as("malformed bodies not refused with a problem naming the field").isEmpty();
        assertThat(rowCounts()).as("rows in the service's tables after refused bodies").isEqualTo(before);
    }

    @Test
    void everyTypedParameterRefusesAMalformedValueNamingIt() throws Exception {
        Map<String, Long> before = settledRowCounts();
        forEachOperation((method, path, operation) -> {
            String role = firstRole(operation);
            for (JsonNode parameter : operation.path("parameters")) {
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                JsonNode schema = resolve(parameter.path("schema"));
                String malformed = switch (schema.path("type").asText()) {
                    case "integer", "number" -> "not-a-number";
                    default -> "uuid".equals(schema.path("format").asText()) ? "not-a-uuid" : null;
                };
                if (malformed == null || !List.of("query", "path").contains(in)) {
                    continue;
                }
                RequestSpecification caller = role == null ? given() : given().auth().oauth2(token(role, ORG));
                String concrete = in.equals("path") ? path.replace("{" + name + "}", malformed) : path;
                if (in.equals("query")) {
                    caller = caller.queryParam(name, malformed);
                }
                expectNamed(method.toUpperCase() + " " + path, name + " " + malformed,
                        call(caller, method, concrete, bodyFor(method, path, operation), ORG), name, true);
            }
        });
        assertThat(failures).as("malformed query and path parameters not refused with a problem naming them").isEmpty();
        assertThat(rowCounts()).as("rows in the service's tables after refused parameters").isEqualTo(before);
    }

    @Test
    void everyPagedListRefusesAPageBeyondItsBoundNamingIt() {
        forEachOperation((method, path, operation) -> {
            boolean paged = false;
            for (JsonNode parameter : operation.path("parameters")) {
                paged |= "page".equals(parameter.path("name").asText()) && "query".equals(parameter.path("in").asText());
            }
            if (!paged) {
                return;
            }
            String role = firstRole(operation);
            RequestSpecification caller = role == null ? given() : given().auth().oauth2(token(role, ORG));
            // 21474837 * 100 overflows an int offset
            expectNamed(method.toUpperCase() + " " + path, "page 21474837",
                    call(caller.queryParam("page", 21474837).queryParam("size", 100), method, path, null, ORG), "page",
                    true);
        });
        assertThat(failures).as("paged lists that did not refuse an out-of-range page").isEmpty();
    }

    // ---- the document

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation) throws Exception;
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    try {
                        visitor.visit(op.getKey(), path.getKey(), op.getValue());
                    } catch (Exception e) {
                        throw new IllegalStateException(op.getKey() + " " + path.getKey(), e);
                    }
                }
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String name = current.get("$ref").asText().substring("#/components/schemas/".length());
            current = document.path("components").path("schemas").path(name);
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current;
    }

    private static String firstRole(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (security.isMissingNode() || security.isEmpty()) {
            return null;
        }
        JsonNode roles = security.get(0).fields().next().getValue();
        return roles.isEmpty() ? null : roles.get(0).asText();
    }

    // ---- bodies

    private String bodyFor(String method, String path, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : baseBody(method, path, schema).toString();
    }

    private ObjectNode baseBody(String method, String path, JsonNode schema) {
        String valid = validBodies().get(method.toUpperCase() + " " + path);
        if (valid != null) {
            try {
                return (ObjectNode) JSON.readTree(valid);
            } catch (Exception e) {
                throw new IllegalArgumentException("valid body of " + path + " is not JSON", e);
            }
        }
        JsonNode made = sample(resolve(schema));
        return made instanceof ObjectNode object ? object : NODES.objectNode();
    }

    /** A plausible value of a schema: a start for bodies whose subclass gave no valid example. */
    private JsonNode sample(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> switch (format) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.textNode(Instant.now().plus(Duration.ofDays(30)).toString());
                case "date" -> NODES.textNode("2026-01-31");
                default -> NODES.textNode("x");
            };
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(0.5);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode().add(sample(resolve(schema.path("items"))));
            default -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields()
                        .forEachRemaining(p -> object.set(p.getKey(), sample(resolve(p.getValue()))));
                yield object;
            }
        };
    }

    private interface VariantSink {
        void accept(String field, String variant, ObjectNode body) throws Exception;
    }

    /** Every way one field of the body can be wrong, each applied alone to a copy of the base body. */
    private void mutate(ObjectNode root, JsonNode schema, String prefix, VariantSink sink) throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode fieldSchema = resolve(property.getValue());
            for (Map.Entry<String, JsonNode> variant : variants(fieldSchema).entrySet()) {
                sink.accept(field, variant.getKey(), replaced(root, field, variant.getValue()));
            }
            String type = fieldSchema.path("type").asText("object");
            if (type.equals("object") && fieldSchema.has("properties")) {
                mutate(root, fieldSchema, field, sink);
            } else if (type.equals("array")) {
                JsonNode items = resolve(fieldSchema.path("items"));
                for (Map.Entry<String, JsonNode> variant : variants(items).entrySet()) {
                    sink.accept(field + "[0]", variant.getKey(),
                            replaced(root, field, NODES.arrayNode().add(variant.getValue())));
                }
            }
        }
    }

    private static Map<String, JsonNode> variants(JsonNode schema) {
        Map<String, JsonNode> variants = new TreeMap<>();
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        switch (type) {
            case "string" -> {
                variants.put("as a number", NODES.numberNode(123));
                variants.put("as an object", NODES.objectNode());
                if (schema.has("enum")) {
                    variants.put("not one of its values", NODES.textNode("NOT_A_VALUE"));
                } else if (format.equals("uuid")) {
                    variants.put("not a UUID", NODES.textNode("not-a-uuid"));
                } else if (format.equals("date-time")) {
                    variants.put("not an instant", NODES.textNode("yesterday"));
                } else {
                    int length = schema.has("maxLength") ? schema.get("maxLength").asInt() + 1 : OVERSIZE;
                    variants.put("oversize (" + length + " characters)", NODES.textNode("x".repeat(length)));
                }
            }
            case "integer" -> {
                variants.put("as a float", NODES.numberNode(12.5));
                variants.put("as a string", NODES.textNode("12"));
                variants.put("beyond 64 bits", NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
                if (schema.has("minimum")) {
                    variants.put("under its minimum", NODES.numberNode(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    variants.put("over its maximum", NODES.numberNode(schema.get("maximum").asLong() + 1));
                }
            }
            case "number" -> {
                variants.put("as a string", NODES.textNode("0.5"));
                if (schema.has("maximum")) {
                    variants.put("over its maximum", NODES.numberNode(schema.get("maximum").asDouble() + 1));
                }
            }
            case "boolean" -> variants.put("as a string", NODES.textNode("true"));
            case "array" -> variants.put("as a string", NODES.textNode("x"));
            default -> variants.put("as a string", NODES.textNode("x"));
        }
        return variants;
    }

    private static ObjectNode replaced(ObjectNode root, String dottedField, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        String[] parts = dottedField.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.path(parts[i]) instanceof ObjectNode object ? object : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
        return copy;
    }

    // ---- calls and expectations

    private static String token(String role, String org) {
        return role.equals("employer") ? Tokens.employer("probe-employer", org) : Tokens.withRoles("probe-" + role, role);
    }

    private static Response call(RequestSpecification spec, String method, String path, String body, String org) {
        return call(spec, method, path, body, org, "application/json");
    }

    private static Response call(RequestSpecification spec, String method, String path, String body, String org,
            String contentType) {
        String concrete = path.replaceAll("\\{orgId}", org)
                .replaceAll("\\{skill}", "probe-skill")
                .replaceAll("\\{currency}", "EUR")
                .replaceAll("\\{number}", "INV-probe-2026-0001")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestSpecification request = spec.redirects().follow(false).accept("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request = request.contentType(contentType).body(body);
        }
        return request.request(method.toUpperCase(), concrete);
    }

    private void expect(String method, String path, String who, Response response, int... statuses) {
        int status = response.statusCode();
        for (int expected : statuses) {
            if (status == expected) {
                requireProblem(method.toUpperCase() + " " + path, who, response);
                return;
            }
        }
        failures.add(method.toUpperCase() + " " + path + " as " + who + ": " + status + " " + abbreviated(response));
    }

    private void expectNamed(String operation, String variant, Response response, String field, boolean mustName) {
        int status = response.statusCode();
        if (status != 400 && status != 413) {
            failures.add(operation + " with " + variant + ": " + status + " " + abbreviated(response));
            return;
        }
        requireProblem(operation, variant, response);
        if (!mustName) {
            return;
        }
        List<String> named = response.jsonPath().getList("errors.field", String.class);
        if (named == null || named.stream().noneMatch(f -> f.equals(field) || f.startsWith(field + ".")
                || f.startsWith(field + "["))) {
            failures.add(operation + " with " + variant + ": refused without naming " + field + ": " + abbreviated(response));
        }
    }

    private void requireProblem(String operation, String variant, Response response) {
        String type = response.contentType();
        if (response.statusCode() >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
            failures.add(operation + " with " + variant + ": " + response.statusCode() + " is not problem+json but "
                    + type);
        }
    }

    private static String abbreviated(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    // ---- what the database holds

    /** Counts once nothing the tests before this one set going is still writing. */
    private static Map<String, Long> settledRowCounts() throws SQLException, InterruptedException {
        Map<String, Long> previous = rowCounts();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            Map<String, Long> current = rowCounts();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery(
                    "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}
