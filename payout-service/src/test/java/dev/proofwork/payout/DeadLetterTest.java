package dev.proofwork.payout;

import static dev.proofwork.payout.Marketplace.PATIENCE;
import static dev.proofwork.payout.Marketplace.awaitEarned;
import static dev.proofwork.payout.Marketplace.deposit;
import static dev.proofwork.payout.Marketplace.earned;
import static dev.proofwork.payout.Marketplace.newOrg;
import static dev.proofwork.payout.Marketplace.operator;
import static dev.proofwork.payout.Marketplace.publish;
import static dev.proofwork.payout.Marketplace.publishAudition;
import static dev.proofwork.payout.Marketplace.score;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Poison records on the real broker: the operator sees why a consumer gave up, and a replay applies the event once. */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class DeadLetterTest {

    private static final String CONSUMER = "payout.attempts";

    @Test
    void workWhoseSeatClaimWasMissingIsListedWithTheReasonAndPaidOnceWhenReplayed() {
        String org = newOrg();
        deposit(org, 1_000_000);
        UUID auditionId = UUID.randomUUID();
        publishAudition(auditionId, org, 2, 5_000, null);
        String learner = "lea-" + UUID.randomUUID();
        UUID attemptId = UUID.randomUUID();
        UUID submissionId = UUID.randomUUID();

        // the submission arrives for a seat claim payout-service never saw: the consumer gives up on it
        EventEnvelope<SubmissionReceived> received = publish("audition-service", new SubmissionReceived(attemptId,
                submissionId, auditionId, "java", 1, "the fix", List.of(), List.of(), "0".repeat(64), Instant.now()));
        Map<String, Object> deadLetter = awaitDeadLetter(received.id().toString());
        assertThat(deadLetter).containsEntry("consumer", CONSUMER).containsEntry("sourceTopic", Topics.ATTEMPTS)
                .containsEntry("eventType", received.eventType().type()).containsEntry("replayable", true);
        assertThat((String) deadLetter.get("reason")).contains("never saw");

        // the missing claim turns up (an operator fixed its producer); the score comes; nothing is paid yet
        publish("audition-service", new SeatClaimed(attemptId, auditionId, learner, Instant.now(),
                Instant.now().plus(Duration.ofHours(2))));
        score(submissionId, auditionId, 1, 0.7, true);
        TestBroker.awaitCaughtUp(Topics.SCORING, PATIENCE);
        assertThat(earned(learner, "base-pay")).isZero();

        String id = (String) deadLetter.get("id");
        String replayedAt = replay(id).then().statusCode(200).body("replayedAt", notNullValue())
                .extract().path("replayedAt");
        awaitEarned(learner, "base-pay", 5_000);

        // replaying again, one by one or all of the consumer's, publishes nothing new
        replay(id).then().statusCode(200).body("replayedAt", equalTo(replayedAt));
        given().auth().oauth2(operator()).queryParam("consumer", CONSUMER)
                .when().post("/api/v1/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(0));
        TestBroker.awaitCaughtUp(Topics.ATTEMPTS, PATIENCE);
        assertThat(earned(learner, "base-pay")).isEqualTo(5_000);
    }

    @Test
    void aRecordThatIsNoEventIsListedButCannotBeReplayed() {
        String key = "poison-" + UUID.randomUUID();
        TestBroker.send(new ProducerRecord<>(Topics.ATTEMPTS, key, "not an event".getBytes(StandardCharsets.UTF_8)));

        Map<String, Object> deadLetter = Awaitility.await().atMost(PATIENCE).until(
                () -> deadLetters().stream().filter(d -> key.equals(d.get("recordKey"))).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(deadLetter).containsEntry("replayable", false).containsEntry("eventId", null);

        replay((String) deadLetter.get("id")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:proofwork:problem:not-replayable"));
    }

    @Test
    void anEventOlderThanConsumersRememberIsListedButNotReplayed() {
        UUID auditionId = UUID.randomUUID();
        publishAudition(auditionId, newOrg(), 2, 5_000, null);
        // fifty days old: past the 45 days consumers remember applying an event, so one that applied it would again
        EventEnvelope<SubmissionReceived> old = EventEnvelope.of("audition-service", Instant.now().minus(Duration.ofDays(50)),
                new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), auditionId, "java", 1, "the fix", List.of(),
                        List.of(), "0".repeat(64), Instant.now().minus(Duration.ofDays(50))));
        TestBroker.publish(old);
        Map<String, Object> deadLetter = awaitDeadLetter(old.id().toString());
        assertThat(deadLetter).containsEntry("replayable", false);

        String id = (String) deadLetter.get("id");
        replay(id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:proofwork:problem:too-old-to-replay"))
                .body("detail", containsString("45 days"));
        given().auth().oauth2(operator()).queryParam("consumer", CONSUMER)
                .when().post("/api/v1/dead-letters/replay").then().statusCode(200);
        assertThat(awaitDeadLetter(old.id().toString())).containsEntry("replayedAt", null);
    }

    @Test
    void onlyOperatorsSeeDeadLetters() {
        given().auth().oauth2(Marketplace.employer(newOrg())).when().get("/api/v1/dead-letters")
                .then().statusCode(403);
    }

    private static Map<String, Object> awaitDeadLetter(String eventId) {
        return Awaitility.await().atMost(PATIENCE).until(
                () -> deadLetters().stream().filter(d -> eventId.equals(d.get("eventId"))).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private static List<Map<String, Object>> deadLetters() {
        JsonPath page = given().auth().oauth2(operator()).queryParam("consumer", CONSUMER).queryParam("size", 100)
                .when().get("/api/v1/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    private static Response replay(String id) {
        return given().auth().oauth2(operator()).when().post("/api/v1/dead-letters/{id}/replay", id);
    }
}
