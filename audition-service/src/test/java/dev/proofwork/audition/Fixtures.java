package dev.proofwork.audition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;

/** Builds audition specs and drives auditions through their lifecycle over the public API and the broker. */
final class Fixtures {

    static final String ACME = "org-acme";
    static final String ACME_EMPLOYER = Tokens.employer("emp-ada", ACME);
    static final String GLOBEX_EMPLOYER = Tokens.employer("emp-bob", "org-globex");
    static final String OPERATOR = Tokens.operator("op-olga");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Fixtures() {
    }

    /** A spec that meets every scoping rule; {@code change} edits it for the case at hand. */
    static String spec(Consumer<ObjectNode> change) {
        ObjectNode spec = JSON.createObjectNode()
                .put("title", "Fix the monthly revenue query")
                .put("brief", "Our revenue dashboard double-counts refunds. Find out why and fix the query.")
                .put("skill", "sql-analytics")
                .put("timeboxMinutes", 90)
                .put("seats", 10)
                .put("reviewersPerSubmission", 2)
                .put("scoreTolerance", 0.2)
                .put("closesAt", Instant.now().plus(Duration.ofDays(365)).toString())
                .put("anchor", false);
        spec.putArray("deliverables").add("the corrected query").add("a note on the cause");
        var rubric = spec.putArray("rubric");
        rubric.addObject().put("key", "correctness").put("description", "Numbers match").put("weight", 0.6)
                .put("maxScore", 4);
        rubric.addObject().put("key", "clarity").put("description", "Readable SQL").put("weight", 0.4)
                .put("maxScore", 4);
        spec.putObject("payPerSubmission").put("amountMinor", 4500).put("currency", "EUR");
        change.accept(spec);
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String spec() {
        return spec(s -> {
        });
    }

    static String draft(String employerToken, String spec) {
        return given().auth().oauth2(employerToken).contentType(ContentType.JSON).body(spec)
                .when().post("/api/v1/auditions")
                .then().statusCode(201)
                .extract().path("id");
    }

    static void act(String token, String auditionId, String action, int expectedStatus) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/v1/auditions/{id}/" + action, auditionId)
                .then().statusCode(expectedStatus);
    }

    static void approve(String auditionId) {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", auditionId)
                .then().statusCode(200).body("status", equalTo("SCOPED"));
    }

    /** Drafts, scopes and publishes an audition, then answers as payout-service would, and waits for it to open. */
    static String openAudition(String spec) {
        String id = draft(ACME_EMPLOYER, spec);
        act(ACME_EMPLOYER, id, "submit-for-scoping", 200);
        approve(id);
        act(ACME_EMPLOYER, id, "publish", 202);
        TestBroker.publish(EventEnvelope.of("payout-service", Instant.now(),
                new EscrowFunded(UUID.fromString(id), ACME, new Money(45_000, "EUR"), Instant.now())));
        awaitStatus(id, "OPEN");
        return id;
    }

    static void awaitStatus(String auditionId, String status) {
        Awaitility.await("audition " + auditionId + " " + status).atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> given().auth().oauth2(ACME_EMPLOYER)
                        .when().get("/api/v1/auditions/{id}", auditionId)
                        .then().statusCode(200).body("status", equalTo(status)));
    }

    static String claimSeat(String learnerToken, String auditionId) {
        return given().auth().oauth2(learnerToken)
                .when().post("/api/v1/auditions/{id}/attempts", auditionId)
                .then().statusCode(201)
                .extract().path("attemptId");
    }
}
