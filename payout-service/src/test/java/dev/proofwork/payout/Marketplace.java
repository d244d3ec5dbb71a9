package dev.proofwork.payout;

import static io.restassured.RestAssured.given;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.Bonus;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.ProofworkEvent;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * Plays the other services' side for payout-service tests: their events go through the real broker, and
 * money is read back through payout-service's own endpoints.
 */
final class Marketplace {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String EUR = "EUR";

    private Marketplace() {
    }

    static String newOrg() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String employer(String orgId) {
        return Tokens.employer("boss-of-" + orgId, orgId);
    }

    static String operator() {
        return Tokens.operator("op-1");
    }

    static <E extends ProofworkEvent> EventEnvelope<E> publish(String source, E event) {
        EventEnvelope<E> envelope = EventEnvelope.of(source, Instant.now(), event);
        TestBroker.publish(envelope);
        return envelope;
    }

    static void deposit(String orgId, long amountMinor) {
        given().auth().oauth2(employer(orgId))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("amountMinor", amountMinor, "currency", EUR))
                .when().post("/api/v1/employers/{org}/deposits", orgId)
                .then().statusCode(201);
    }

    /** An audition drafted and asked to be published; returns the escrow answer payout-service sent. */
    static EventEnvelope<?> publishAudition(UUID auditionId, String orgId, int seats, long payMinor, Bonus bonus) {
        publish("audition-service", new AuditionDrafted(auditionId, orgId, "Fix the flaky checkout test", "java",
                Instant.now()));
        publish("audition-service", new AuditionPublishRequested(auditionId, orgId, "java", seats,
                new Money(payMinor, EUR), 2, bonus, Instant.now()));
        return awaitEvent(Topics.ESCROW, auditionId.toString());
    }

    static EventEnvelope<?> awaitEvent(String topic, String key) {
        ConsumerRecord<String, byte[]> record = TestBroker.awaitRecords(topic, r -> key.equals(r.key()), 1, PATIENCE)
                .getFirst();
        return CloudEventCodec.decode(record.headers(), record.value());
    }

    /** A learner claims a seat and submits; returns the submission id. */
    static UUID submit(UUID auditionId, String learnerId) {
        UUID attemptId = UUID.randomUUID();
        UUID submissionId = UUID.randomUUID();
        publish("audition-service", new SeatClaimed(attemptId, auditionId, learnerId, Instant.now(),
                Instant.now().plus(Duration.ofHours(2))));
        publish("audition-service", new SubmissionReceived(attemptId, submissionId, auditionId, "java", 1,
                "the fix", List.of(), List.of(), "0".repeat(64), Instant.now()));
        return submissionId;
    }

    static EventEnvelope<SubmissionScored> score(UUID submissionId, UUID auditionId, int version, double score,
            boolean valid) {
        return publish("scoring-service", new SubmissionScored(submissionId, auditionId, "java", version, score, 2,
                valid && score >= 0.5, valid, Instant.now()));
    }

    static void review(UUID submissionId, UUID auditionId) {
        publish("scoring-service", new ReviewRecorded(UUID.randomUUID(), submissionId, auditionId, "java", "rev-1",
                Map.of("correctness", 3), 0.6, false, Instant.now(), Instant.now()));
    }

    static void reject(UUID submissionId, UUID auditionId) {
        publish("scoring-service", new SubmissionRejected(submissionId, auditionId, "duplicate of another submission",
                Instant.now()));
    }

    static void close(UUID auditionId, String orgId, int seatsUsed, Instant closedAt) {
        publish("audition-service", new AuditionClosed(auditionId, orgId, seatsUsed, closedAt));
    }

    static JsonPath balance(String orgId) {
        return given().auth().oauth2(employer(orgId))
                .when().get("/api/v1/employers/{org}/balance", orgId)
                .then().statusCode(200).extract().jsonPath();
    }

    static long available(String orgId) {
        return currencyField(balance(orgId), "availableMinor");
    }

    static long escrow(String orgId) {
        return currencyField(balance(orgId), "escrowMinor");
    }

    private static long currencyField(JsonPath balance, String field) {
        List<Map<String, Object>> currencies = balance.getList("currencies");
        return currencies.stream().filter(c -> EUR.equals(c.get("currency")))
                .mapToLong(c -> ((Number) c.get(field)).longValue()).findFirst().orElse(0);
    }

    static JsonPath myPayouts(String learnerId) {
        return given().auth().oauth2(Tokens.learner(learnerId))
                .when().get("/api/v1/me/payouts")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Sum of a learner's payables of one kind ("base-pay", "bonus") that stand, whatever their transfer state. */
    static long earned(String learnerId, String kind) {
        List<Map<String, Object>> items = myPayouts(learnerId).getList("items");
        return items.stream().filter(i -> kind.equals(i.get("kind")) && !"CANCELLED".equals(i.get("status")))
                .mapToLong(i -> ((Number) ((Map<?, ?>) i.get("amount")).get("amountMinor")).longValue()).sum();
    }

    static void awaitEarned(String learnerId, String kind, long amountMinor) {
        Awaitility.await(learnerId + " earns " + amountMinor + " " + kind).atMost(PATIENCE)
                .until(() -> earned(learnerId, kind) == amountMinor);
    }

    static JsonPath trialBalance() {
        return given().auth().oauth2(operator())
                .when().get("/api/v1/ledger/trial-balance")
                .then().statusCode(200).extract().jsonPath();
    }
}
