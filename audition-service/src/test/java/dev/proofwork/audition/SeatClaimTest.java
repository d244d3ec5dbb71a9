package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.ACME_EMPLOYER;
import static dev.proofwork.audition.Fixtures.claimSeat;
import static dev.proofwork.audition.Fixtures.openAudition;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class SeatClaimTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool database;

    @Test
    void twoHundredConcurrentClaimsOnTenSeatsFillExactlyTenWithoutAGap() {
        String auditionId = openAudition(spec(s -> s.put("seats", 10)));
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(50)).build();

        List<CompletableFuture<HttpResponse<String>>> claims = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpRequest claim = HttpRequest.newBuilder(base.resolve("/api/v1/auditions/" + auditionId + "/attempts"))
                    .header("Authorization", "Bearer " + Tokens.learner("rush-" + i))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            claims.add(http.sendAsync(claim, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = claims.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnly(Map.entry(201, 10L), Map.entry(409, 190L));
        assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.body()).contains("urn:proofwork:problem:no-seats-left"));

        List<Integer> seatNumbers = rows("select seat_number from attempt where audition_id = $1 order by seat_number",
                auditionId).stream().map(row -> row.getInteger(0)).toList();
        assertThat(seatNumbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}", auditionId)
                .then().body("seatsClaimed", equalTo(10));
        assertThat(TestBroker.awaitRecords(Topics.ATTEMPTS,
                r -> CloudEventCodec.decode(r.headers(), r.value()).data() instanceof SeatClaimed claimed
                        && claimed.auditionId().toString().equals(auditionId), 10, Duration.ofSeconds(30)))
                .hasSize(10);
    }

    @Test
    void aLearnerHasOneAttemptPerAuditionWithADeadlineOfStartPlusTimebox() {
        String auditionId = openAudition(spec(s -> s.put("timeboxMinutes", 45)));
        String learner = Tokens.learner("learner-once");

        String attemptId = claimSeat(learner, auditionId);

        given().auth().oauth2(learner).when().get("/api/v1/attempts/{id}", attemptId)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("deadline", notNullValue());
        String started = given().auth().oauth2(learner).when().get("/api/v1/attempts/{id}", attemptId)
                .then().extract().path("startedAt");
        String deadline = given().auth().oauth2(learner).when().get("/api/v1/attempts/{id}", attemptId)
                .then().extract().path("deadline");
        assertThat(Duration.between(Instant.parse(started), Instant.parse(deadline))).isEqualTo(Duration.ofMinutes(45));

        given().auth().oauth2(learner).when().post("/api/v1/auditions/{id}/attempts", auditionId)
                .then().statusCode(409)
                .body("type", equalTo("urn:proofwork:problem:already-attempted"))
                .body("attemptId", equalTo(attemptId));
        given().auth().oauth2(learner).when().get("/api/v1/me/attempts")
                .then().statusCode(200).body("items.attemptId", hasItem(attemptId));
        given().auth().oauth2(Tokens.learner("someone-else")).when().get("/api/v1/attempts/{id}", attemptId)
                .then().statusCode(404);
    }

    @Test
    void seatsAreRefusedWhenTheAuditionIsNotOpenOrInvisible() {
        String closed = openAudition(spec());
        given().auth().oauth2(Tokens.operator("op-1")).when().post("/api/v1/auditions/{id}/close", closed)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.learner("late-learner")).when().post("/api/v1/auditions/{id}/attempts", closed)
                .then().statusCode(409)
                .body("type", equalTo("urn:proofwork:problem:audition-not-open"))
                .body("currentState", equalTo("CLOSED"));

        String draft = Fixtures.draft(ACME_EMPLOYER, spec());
        given().auth().oauth2(Tokens.learner("early-learner")).when().post("/api/v1/auditions/{id}/attempts", draft)
                .then().statusCode(404);
        given().auth().oauth2(ACME_EMPLOYER).when().post("/api/v1/auditions/{id}/attempts", closed)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.learner("x")).when().post("/api/v1/auditions/{id}/attempts", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private List<Row> rows(String sql, String auditionId) {
        return StreamSupport.stream(database.preparedQuery(sql).execute(Tuple.of(UUID.fromString(auditionId)))
                .await().indefinitely().spliterator(), false).toList();
    }
}
