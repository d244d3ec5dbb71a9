package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.claimSeat;
import static dev.proofwork.audition.Fixtures.openAudition;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.proofwork.audition.attempt.AttemptExpiry;
import dev.proofwork.audition.listing.AuditionService;
import dev.proofwork.events.AttemptEvent.AttemptExpired;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.ProofworkEvent;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class SubmissionTest {

    @Inject
    TestClock clock;

    @Inject
    AttemptExpiry expiry;

    @Inject
    AuditionService auditions;

    @Inject
    Pool database;

    @Test
    void aLearnerHandsInWorkOnceAndScoringReceivesItWithoutTheirIdentity() {
        String learnerId = "learner-" + UUID.randomUUID();
        String learner = Tokens.learner(learnerId);
        String attemptId = claimSeat(learner, openAudition(spec()));

        String submissionId = given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("content", "## Cause\nRefunds joined twice.\n```sql\nselect 1;\n```",
                        "links", List.of("https://example.org/notebook")))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(201)
                .body("attemptId", equalTo(attemptId))
                .body("qaStatus", equalTo("RECEIVED"))
                .body("links", hasItem("https://example.org/notebook"))
                .extract().path("submissionId");

        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("content", "second thoughts"))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(409).body("type", equalTo("urn:proofwork:problem:already-submitted"));
        given().auth().oauth2(learner).when().get("/api/v1/attempts/{id}", attemptId)
                .then().body("status", equalTo("SUBMITTED"));

        ConsumerRecord<String, byte[]> record = TestBroker.awaitRecords(Topics.ATTEMPTS,
                is(SubmissionReceived.class, attemptId), 1, Duration.ofSeconds(20)).getFirst();
        SubmissionReceived received = (SubmissionReceived) CloudEventCodec.decode(record.headers(), record.value()).data();
        assertThat(received.submissionId()).hasToString(submissionId);
        assertThat(received.skill()).isEqualTo("sql-analytics");
        assertThat(received.rubricVersion()).isEqualTo(1);
        assertThat(received.contentSha256()).hasSize(64);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(learnerId);
    }

    @Test
    void filesArriveAsMultipartAndAreStoredWithTheirHashAndMediaType() throws Exception {
        String learner = Tokens.learner("learner-files");
        String attemptId = claimSeat(learner, openAudition(spec()));
        byte[] query = "select sum(amount) from revenue where not refunded;".getBytes(StandardCharsets.UTF_8);

        given().auth().oauth2(learner)
                .multiPart("content", "See the attached query.")
                .multiPart("links", "https://example.org/a")
                .multiPart("links", "https://example.org/b")
                .multiPart("files", "fix.sql", query, "application/sql")
                .multiPart("files", "notes.txt", "why".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(201)
                .body("links", hasSize(2))
                .body("files", hasSize(2))
                .body("files.find { it.name == 'fix.sql' }.mediaType", equalTo("application/sql"))
                .body("files.find { it.name == 'fix.sql' }.sizeBytes", equalTo(query.length))
                .body("files.find { it.name == 'fix.sql' }.sha256", equalTo(
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(query))));
    }

    @Test
    void workAfterTheDeadlineIsRefusedWithTheDeadline() {
        String learner = Tokens.learner("learner-late");
        String attemptId = claimSeat(learner, openAudition(spec(s -> s.put("timeboxMinutes", 30))));
        String deadline = given().auth().oauth2(learner).when().get("/api/v1/attempts/{id}", attemptId)
                .then().extract().path("deadline");

        clock.advance(Duration.ofMinutes(31));

        given().auth().oauth2(learner).contentType(ContentType.JSON).body(Map.of("content", "finally done"))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:proofwork:problem:deadline-passed"))
                .body("deadline", equalTo(deadline));
    }

    @Test
    void anotherLearnersAttemptDoesNotExistForYou() {
        String attemptId = claimSeat(Tokens.learner("learner-owner"), openAudition(spec()));
        given().auth().oauth2(Tokens.learner("learner-owner")).when().get("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(404);
        String submissionId = given().auth().oauth2(Tokens.learner("learner-owner")).contentType(ContentType.JSON)
                .body(Map.of("content", "mine")).when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(201).extract().path("submissionId");
        given().auth().oauth2(Tokens.learner("learner-owner")).when().get("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(200).body("submissionId", equalTo(submissionId)).body("qaStatus", equalTo("RECEIVED"));
        given().auth().oauth2(Tokens.learner("learner-thief")).when().get("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(404);

        given().auth().oauth2(Tokens.learner("learner-thief")).contentType(ContentType.JSON)
                .body(Map.of("content", "my work now"))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(Map.of("content", "employer work"))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(403);
    }

    @Test
    void oversizeOrMalformedWorkIsRefusedByFieldAndNothingIsStored() {
        String learner = Tokens.learner("learner-big");
        String attemptId = claimSeat(learner, openAudition(spec()));
        long before = count("submission");

        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("content", "x".repeat(200 * 1024 + 1)))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(400).body("errors[0].field", equalTo("content"));
        given().auth().oauth2(learner)
                .multiPart("content", "with a huge file")
                .multiPart("files", "dump.bin", new byte[10 * 1024 * 1024 + 1], "application/octet-stream")
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(413).body("errors[0].field", equalTo("files"));
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("content", " ", "links", List.of("ftp://example.org/x", "not a url")))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(400)
                .body("errors.field", hasItem("content"))
                .body("errors.field", hasItem("links[0]"))
                .body("errors.field", hasItem("links[1]"));
        given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("content", "ok", "links", java.util.Collections.nCopies(11, "https://example.org")))
                .when().post("/api/v1/attempts/{id}/submission", attemptId)
                .then().statusCode(400).body("errors.field", hasItem("links"));

        assertThat(count("submission")).isEqualTo(before);
        given().auth().oauth2(learner).when().get("/api/v1/attempts/{id}", attemptId)
                .then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void twoSweepersAtOnceExpireEachOverdueAttemptOnce() {
        String auditionId = openAudition(spec(s -> s.put("timeboxMinutes", 20)));
        String first = claimSeat(Tokens.learner("sleepy-1"), auditionId);
        String second = claimSeat(Tokens.learner("sleepy-2"), auditionId);
        String submitted = claimSeat(Tokens.learner("diligent"), auditionId);
        given().auth().oauth2(Tokens.learner("diligent")).contentType(ContentType.JSON)
                .body(Map.of("content", "done in time"))
                .when().post("/api/v1/attempts/{id}/submission", submitted).then().statusCode(201);

        clock.advance(Duration.ofMinutes(21));
        // two sweeps on their own threads and Vert.x contexts, as two service instances would run them
        List<CompletableFuture<Integer>> sweeps = List.of(sweep(), sweep());
        List<Integer> expired = sweeps.stream().map(CompletableFuture::join).toList();

        assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(2);
        for (String attemptId : List.of(first, second)) {
            given().auth().oauth2(Tokens.learner(attemptId.equals(first) ? "sleepy-1" : "sleepy-2"))
                    .when().get("/api/v1/attempts/{id}", attemptId)
                    .then().body("status", equalTo("EXPIRED"));
            TestBroker.awaitRecords(Topics.ATTEMPTS, is(AttemptExpired.class, attemptId), 1, Duration.ofSeconds(20));
            assertThat(TestBroker.collectSettled(Topics.ATTEMPTS, is(AttemptExpired.class, attemptId), Duration.ofSeconds(20)))
                    .hasSize(1);
        }
        given().auth().oauth2(Tokens.learner("diligent")).when().get("/api/v1/attempts/{id}", submitted)
                .then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void closingAnAuditionExpiresItsUnsubmittedAttempts() {
        String auditionId = openAudition(spec());
        String attemptId = claimSeat(Tokens.learner("unfinished"), auditionId);

        given().auth().oauth2(Fixtures.ACME_EMPLOYER).when().post("/api/v1/auditions/{id}/close", auditionId)
                .then().statusCode(200).body("seatsClaimed", equalTo(1));

        given().auth().oauth2(Tokens.learner("unfinished")).when().get("/api/v1/attempts/{id}", attemptId)
                .then().body("status", equalTo("EXPIRED"));
        TestBroker.awaitRecords(Topics.ATTEMPTS, is(AttemptExpired.class, attemptId), 1, Duration.ofSeconds(20));
    }

    @Test
    void anAuditionClosesByItselfWhenItsWindowEnds() throws Throwable {
        String auditionId = openAudition(spec(s -> s.put("closesAt", Instant.now().plus(Duration.ofDays(2)).toString())));
        String attemptId = claimSeat(Tokens.learner("window-watcher"), auditionId);

        clock.advance(Duration.ofDays(3));
        int closed = VertxContextSupport.subscribeAndAwait(auditions::closeDue);

        assertThat(closed).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(Fixtures.ACME_EMPLOYER).when().get("/api/v1/auditions/{id}", auditionId)
                .then().body("status", equalTo("CLOSED"));
        given().auth().oauth2(Tokens.learner("window-watcher")).when().get("/api/v1/attempts/{id}", attemptId)
                .then().body("status", equalTo("EXPIRED"));
    }

    private CompletableFuture<Integer> sweep() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return VertxContextSupport.subscribeAndAwait(expiry::expireOverdue);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Predicate<ConsumerRecord<String, byte[]>> is(Class<? extends ProofworkEvent> type, String attemptId) {
        return record -> attemptId.equals(record.key())
                && type.isInstance(CloudEventCodec.decode(record.headers(), record.value()).data());
    }

    private long count(String table) {
        return database.query("select count(*) from " + table).execute().await().indefinitely()
                .iterator().next().getLong(0);
    }
}
