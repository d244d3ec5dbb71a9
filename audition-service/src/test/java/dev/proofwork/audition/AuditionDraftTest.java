package dev.proofwork.audition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.outbox.OutboxRelay;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class AuditionDraftTest {

    private static final String ACME_EMPLOYER = Tokens.employer("emp-ada", "org-acme");

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    Pool database;

    @Inject
    OutboxRelay relay;

    @Test
    void anEmployerDraftsAnAuditionAndItsDraftedEventReachesTheBroker() {
        String id = given().auth().oauth2(ACME_EMPLOYER)
                .contentType(ContentType.JSON)
                .body("""
                        {"title": "Fix the monthly revenue query", "skill": "sql-analytics"}""")
                .when().post("/api/v1/auditions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/auditions/"))
                .body("status", equalTo("DRAFT"))
                .body("orgId", equalTo("org-acme"))
                .extract().path("id");

        given().auth().oauth2(ACME_EMPLOYER)
                .when().get("/api/v1/auditions/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("Fix the monthly revenue query"))
                .body("skill", equalTo("sql-analytics"));

        ConsumerRecord<String, byte[]> record = TestBroker.awaitRecords(Topics.AUDITIONS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).getFirst();
        assertThat(TestBroker.header(record, "ce_type")).contains("proofwork.audition.drafted.v1");
        assertThat(TestBroker.header(record, "ce_source")).contains("audition-service");
        EventEnvelope<?> envelope = CloudEventCodec.decode(record.headers(), record.value());
        assertThat(envelope.data()).isInstanceOfSatisfying(AuditionDrafted.class, drafted -> {
            assertThat(drafted.auditionId()).isEqualTo(UUID.fromString(id));
            assertThat(drafted.orgId()).isEqualTo("org-acme");
            assertThat(drafted.skill()).isEqualTo("sql-analytics");
        });
    }

    @Test
    void anotherOrganisationCannotSeeTheAuditionButAnOperatorCan() {
        String id = draft("Model churn in SQL");

        given().auth().oauth2(Tokens.employer("emp-bob", "org-globex"))
                .when().get("/api/v1/auditions/{id}", id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator("op-1"))
                .when().get("/api/v1/auditions/{id}", id)
                .then().statusCode(200)
                .body("orgId", equalTo("org-acme"));
    }

    @Test
    void aRequestWithoutTokenIsUnauthorisedAndAWrongRoleIsForbidden() {
        given().contentType(ContentType.JSON).body("""
                {"title": "T", "skill": "sql"}""")
                .when().post("/api/v1/auditions")
                .then().statusCode(401);

        long before = count("audition");
        given().auth().oauth2(Tokens.learner("learner-1"))
                .contentType(ContentType.JSON).body("""
                        {"title": "T", "skill": "sql"}""")
                .when().post("/api/v1/auditions")
                .then().statusCode(403);
        assertThat(count("audition")).isEqualTo(before);
    }

    @Test
    void anEmployerAccountWithoutOrganisationIsRefusedAndNothingIsStored() {
        long before = count("audition");

        given().auth().oauth2(Tokens.withRoles("emp-orphan", "employer"))
                .contentType(ContentType.JSON).body("""
                        {"title": "T", "skill": "sql"}""")
                .when().post("/api/v1/auditions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", startsWith("the token carries no org_id"));

        assertThat(count("audition")).isEqualTo(before);
    }

    @Test
    void anInvalidDraftIsRefusedFieldByFieldAndNothingIsStored() {
        long auditionsBefore = count("audition");
        long eventsBefore = count("outbox");

        given().auth().oauth2(ACME_EMPLOYER)
                .contentType(ContentType.JSON).body("""
                        {"title": "  ", "skill": "Not A Slug"}""")
                .when().post("/api/v1/auditions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("title", "skill"))
                .body("errors.find { it.field == 'skill' }.message",
                        equalTo("must be a lowercase slug such as sql-analytics"));

        assertThat(count("audition")).isEqualTo(auditionsBefore);
        assertThat(count("outbox")).isEqualTo(eventsBefore);
    }

    @Test
    void aBodyThatIsNotJsonOrHasTheWrongTypesNamesWhereItWentWrong() {
        given().auth().oauth2(ACME_EMPLOYER)
                .contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/auditions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));

        given().auth().oauth2(ACME_EMPLOYER)
                .contentType(ContentType.JSON).body("""
                        {"title": ["a list"], "skill": "sql"}""")
                .when().post("/api/v1/auditions")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("title"));

        given().auth().oauth2(ACME_EMPLOYER)
                .contentType(ContentType.JSON)
                .when().post("/api/v1/auditions")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEventWhosePublicationWasNotRecordedIsPublishedAgainWithTheSameId() {
        String id = draft("Tune a slow dashboard query");
        String eventId = TestBroker.header(TestBroker.awaitRecords(Topics.AUDITIONS, r -> id.equals(r.key()), 1,
                Duration.ofSeconds(20)).getFirst(), "ce_id").orElseThrow();

        // as if the relay crashed after the broker acknowledged but before it marked the row published
        database.preparedQuery("update outbox set published_at = null where event_id = $1")
                .execute(Tuple.of(UUID.fromString(eventId))).await().indefinitely();
        relay.drain().await().atMost(Duration.ofSeconds(20));

        List<ConsumerRecord<String, byte[]>> copies = TestBroker.awaitRecords(Topics.AUDITIONS,
                r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(copies).extracting(r -> TestBroker.header(r, "ce_id").orElseThrow())
                .containsExactly(eventId, eventId);
    }

    private String draft(String title) {
        return given().auth().oauth2(ACME_EMPLOYER)
                .contentType(ContentType.JSON)
                .body("{\"title\": \"" + title + "\", \"skill\": \"sql-analytics\"}")
                .when().post("/api/v1/auditions")
                .then().statusCode(201)
                .extract().path("id");
    }

    private long count(String table) {
        return database.query("select count(*) from " + table).execute().await().indefinitely()
                .iterator().next().getLong(0);
    }
}
