package dev.proofwork.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;
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
    protected static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port);
    }

    @Test
    void readinessReportsTheDatabaseAndTheBrokerUp() {
        management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Messaging")));
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
