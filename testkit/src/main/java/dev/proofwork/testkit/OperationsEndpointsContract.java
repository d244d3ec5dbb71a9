package dev.proofwork.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What operators and orchestrators need from every service: readiness, metrics and its API description,
 * on the management interface only; the API port must not answer them to anyone who asks.
 */
public abstract class OperationsEndpointsContract {

    /** A path of this service's own API that its OpenAPI document must describe. */
    protected abstract String documentedPath();

    /** The management interface, where Quarkus started it for this test run. */
    public static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port);
    }

    @Test
    void readinessReportsTheDatabaseTheBrokerTheConsumersAndTheOutboxRelayUp() {
        // consumers join their group within seconds of the start
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Messaging")))
                .body("checks.name", hasItem("Kafka consumers assigned"))
                .body("checks.name", hasItem("Outbox relay")));
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        management().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        management().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey(documentedPath()));
    }

    /**
     * Clients read the document to know what each operation does and how it fails: every operation has a
     * summary, a success response, and its refusals as problem+json (400 where it takes input, 401 and 403
     * where it needs a role, 404 where its path names a resource).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationSaysWhatItDoesAndHowItFails() {
        Map<String, Map<String, Object>> paths = management().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> gaps = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> raw) || method.equals("parameters")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) raw;
            String name = method.toUpperCase(Locale.ROOT) + " " + path;
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation
                    .getOrDefault("responses", Map.of());
            if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                gaps.add(name + ": no summary");
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                gaps.add(name + ": no success response");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("2") && !code.equals("204") && !response.containsKey("content")) {
                    gaps.add(name + ": " + code + " does not say what it returns");
                }
            });
            boolean takesInput = operation.containsKey("requestBody") || operation.containsKey("parameters")
                    || item.containsKey("parameters");
            if (takesInput && !responses.containsKey("400")) {
                gaps.add(name + ": takes input but declares no 400");
            }
            if (operation.containsKey("security") && !(responses.containsKey("401") && responses.containsKey("403"))) {
                gaps.add(name + ": needs a role but declares no 401 and 403");
            }
            if (path.contains("{") && !responses.containsKey("404")) {
                gaps.add(name + ": names a resource but declares no 404");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4") && !String.valueOf(response.get("content")).contains("application/problem+json")) {
                    gaps.add(name + ": " + code + " is not problem+json");
                }
            });
        }));
        assertThat(gaps).as("operations the API document leaves unexplained").isEmpty();
    }

    /** Support can find a refusal in the service's log from what the client saw. */
    @Test
    void everyRefusalCarriesTheCorrelationIdOfItsRequest() {
        String path = documentedPath().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        String generated = given().when().get(path)
                .then().statusCode(401).contentType("application/problem+json")
                .extract().header("X-Correlation-Id");
        assertThat(generated).isNotBlank();
        given().header("X-Correlation-Id", "support-ticket-42").when().get(path)
                .then().statusCode(401)
                .header("X-Correlation-Id", "support-ticket-42")
                .body("correlationId", equalTo("support-ticket-42"));
    }

    @Test
    void swaggerUiIsServedForOperators() {
        management().redirects().follow(true).when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/openapi", "/q/health", "/q/swagger-ui/" })
    void theApiPortDoesNotServeOperationalEndpointsAnonymously(String path) {
        given().redirects().follow(false).when().get(path)
                .then().statusCode(not(equalTo(200)));
    }
}
