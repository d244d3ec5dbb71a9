package dev.proofwork.scoring;

import static io.restassured.RestAssured.given;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.ProofworkEvent;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Plays audition-service and operators around scoring-service: opens auditions, sends work, registers reviewers. */
final class ScoringFixtures {

    static final String OPERATOR = Tokens.operator("op-olga");
    static final List<RubricCriterion> RUBRIC = List.of(
            new RubricCriterion("correctness", "Numbers match", new BigDecimal("0.6"), 4),
            new RubricCriterion("clarity", "Readable SQL", new BigDecimal("0.4"), 4));

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private ScoringFixtures() {
    }

    /** A skill no other test uses, so reviewers and cohorts of other tests stay out of the way. */
    static String freshSkill() {
        return "skill-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static UUID openAudition(String skill, int reviewers, String tolerance) {
        UUID auditionId = UUID.randomUUID();
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new AuditionOpened(auditionId, "org-acme",
                "Fix the revenue query", skill, 10, 90, 1, RUBRIC, reviewers, new BigDecimal(tolerance), false,
                new Money(4500, "EUR"), null, Instant.now().plus(Duration.ofDays(30)), Instant.now())));
        return auditionId;
    }

    static UUID submit(UUID auditionId, String skill, String content) {
        UUID submissionId = UUID.randomUUID();
        TestBroker.publish(received(auditionId, submissionId, skill, content));
        return submissionId;
    }

    /** Work by a known learner: their seat claim, then the submission, as audition-service sends them. */
    static UUID submitAs(String learnerId, UUID auditionId, String skill, String content) {
        UUID attemptId = UUID.randomUUID();
        UUID submissionId = UUID.randomUUID();
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(),
                new SeatClaimed(attemptId, auditionId, learnerId, Instant.now(), Instant.now().plusSeconds(3600))));
        TestBroker.publish(EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(attemptId,
                submissionId, auditionId, skill, 1, content, List.of(), List.of(), sha256(content), Instant.now())));
        return submissionId;
    }

    static EventEnvelope<SubmissionReceived> received(UUID auditionId, UUID submissionId, String skill, String content) {
        return EventEnvelope.of("audition-service", Instant.now(), new SubmissionReceived(UUID.randomUUID(),
                submissionId, auditionId, skill, 1, content, List.of(), List.of(), sha256(content), Instant.now()));
    }

    static String reviewer(String skill, int capacity) {
        String subject = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "skills", List.of(skill), "maxOpenReviews", capacity))
                .when().post("/api/v1/reviewers")
                .then().statusCode(201);
        return subject;
    }

    /** Waits until the reviewer's queue holds a task for this content, and returns its id. */
    static String awaitTask(String reviewer, String content) {
        String[] taskId = new String[1];
        Awaitility.await(reviewer + " gets a task").atMost(30, TimeUnit.SECONDS).until(() -> {
            JsonPath queue = given().auth().oauth2(Tokens.reviewer(reviewer)).when().get("/api/v1/reviews/queue")
                    .then().statusCode(200).extract().jsonPath();
            taskId[0] = queue.getList("", Map.class).stream()
                    .filter(item -> content.equals(item.get("content")))
                    .map(item -> (String) item.get("taskId"))
                    .findFirst().orElse(null);
            return taskId[0] != null;
        });
        return taskId[0];
    }

    static List<String> queueContents(String reviewer) {
        return given().auth().oauth2(Tokens.reviewer(reviewer)).when().get("/api/v1/reviews/queue")
                .then().statusCode(200).extract().jsonPath().getList("content");
    }

    static void review(String reviewer, String taskId, int correctness, int clarity) {
        given().auth().oauth2(Tokens.reviewer(reviewer)).contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("correctness", correctness, "clarity", clarity), "comment", "ok"))
                .when().post("/api/v1/reviews/{taskId}", taskId)
                .then().statusCode(200);
    }

    /** The first event of that type the service published about this submission. */
    static <E extends ProofworkEvent> E awaitEvent(UUID submissionId, Class<E> type) {
        var record = TestBroker.awaitRecords(Topics.SCORING, r -> submissionId.toString().equals(r.key())
                && type.isInstance(CloudEventCodec.decode(r.headers(), r.value()).data()), 1, Duration.ofSeconds(30))
                .getFirst();
        return type.cast(CloudEventCodec.decode(record.headers(), record.value()).data());
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
