package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.ACME_EMPLOYER;
import static dev.proofwork.audition.Fixtures.GLOBEX_EMPLOYER;
import static dev.proofwork.audition.Fixtures.OPERATOR;
import static dev.proofwork.audition.Fixtures.act;
import static dev.proofwork.audition.Fixtures.approve;
import static dev.proofwork.audition.Fixtures.awaitStatus;
import static dev.proofwork.audition.Fixtures.draft;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EscrowEvent.EscrowRefused;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.ProofworkEvent;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class AuditionLifecycleTest {

    @Inject
    Pool database;

    @Inject
    OutboxRelay relay;

    @Test
    void anAuditionGoesFromDraftThroughScopingAndFundingToOpenAndClosed() {
        String id = draft(ACME_EMPLOYER, spec());
        AuditionDrafted drafted = event(id, AuditionDrafted.class);
        assertThat(drafted.orgId()).isEqualTo("org-acme");

        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> s.put("title", "Fix the quarterly revenue query")
                        .withArray("rubric").addObject().put("key", "tests").put("description", "Has checks")
                        .put("weight", 0.1).put("maxScore", 2)))
                .when().put("/api/v1/auditions/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("Fix the quarterly revenue query"))
                .body("rubricVersion", equalTo(2));

        act(ACME_EMPLOYER, id, "submit-for-scoping", 200);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"approved\": false, \"reasons\": [\"rubric weights sum to 1.1\"]}")
                .when().post("/api/v1/auditions/{id}/scope-approval", id)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}", id)
                .then().body("scopingReasons", hasItem("rubric weights sum to 1.1"));

        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body(spec())
                .when().put("/api/v1/auditions/{id}", id).then().statusCode(200);
        act(ACME_EMPLOYER, id, "submit-for-scoping", 200);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true, \"anchor\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", id)
                .then().statusCode(200).body("status", equalTo("SCOPED")).body("anchor", equalTo(true));

        given().auth().oauth2(ACME_EMPLOYER).when().post("/api/v1/auditions/{id}/publish", id)
                .then().statusCode(202).body("status", equalTo("FUNDING"));
        AuditionPublishRequested requested = event(id, AuditionPublishRequested.class);
        assertThat(requested.seats()).isEqualTo(10);
        assertThat(requested.payPerSubmission()).isEqualTo(new Money(4500, "EUR"));

        TestBroker.publish(EventEnvelope.of("payout-service", Instant.now(), new EscrowRefused(UUID.fromString(id),
                "org-acme", new Money(47_000, "EUR"), new Money(7_000, "EUR"), new Money(40_000, "EUR"), Instant.now())));
        awaitStatus(id, "SCOPED");
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}", id)
                .then().body("fundingShortfall.amountMinor", equalTo(40_000))
                .body("fundingShortfall.currency", equalTo("EUR"));

        act(ACME_EMPLOYER, id, "publish", 202);
        TestBroker.publish(EventEnvelope.of("payout-service", Instant.now(),
                new EscrowFunded(UUID.fromString(id), "org-acme", new Money(47_000, "EUR"), Instant.now())));
        awaitStatus(id, "OPEN");
        AuditionOpened opened = event(id, AuditionOpened.class);
        assertThat(opened.anchor()).isTrue();
        assertThat(opened.rubricVersion()).isEqualTo(3);
        assertThat(opened.rubric()).extracting(c -> c.key()).containsExactly("correctness", "clarity");
        assertThat(opened.scoreTolerance()).isEqualByComparingTo(new BigDecimal("0.2"));

        given().auth().oauth2(OPERATOR).when().post("/api/v1/auditions/{id}/close", id)
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(event(id, AuditionClosed.class).seatsUsed()).isZero();
    }

    @Test
    void anEmployerWhoseAccountIsAlsoALearnersActsForTheOrganisation() {
        String both = Tokens.employerWhoIsAlsoLearner("emp-and-learner", Fixtures.ACME);
        String id = draft(both, spec());
        act(both, id, "submit-for-scoping", 200);
        given().auth().oauth2(both).when().get("/api/v1/auditions/{id}", id)
                .then().statusCode(200).body("status", equalTo("IN_SCOPING")).body("orgId", equalTo(Fixtures.ACME));
    }

    @Test
    void onlyTheOperatorMakesAnAuditionAnAnchorTask() {
        String asked = draft(ACME_EMPLOYER, spec(s -> s.put("anchor", true)));
        given().auth().oauth2(ACME_EMPLOYER).when().get("/api/v1/auditions/{id}", asked)
                .then().body("anchor", equalTo(false)).body("anchorRequested", equalTo(true));
        act(ACME_EMPLOYER, asked, "submit-for-scoping", 200);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", asked)
                .then().statusCode(200).body("status", equalTo("SCOPED")).body("anchor", equalTo(false));

        String chosen = draft(ACME_EMPLOYER, spec());
        act(ACME_EMPLOYER, chosen, "submit-for-scoping", 200);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true, \"anchor\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", chosen)
                .then().statusCode(200).body("anchor", equalTo(true)).body("anchorRequested", equalTo(false));
    }

    @Test
    void everyIllegalTransitionIsRefusedNamingTheCurrentState() {
        String id = draft(ACME_EMPLOYER, spec());

        given().auth().oauth2(ACME_EMPLOYER).when().post("/api/v1/auditions/{id}/publish", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentState", equalTo("DRAFT"))
                .body("detail", equalTo("cannot publish an audition that is DRAFT"));
        given().auth().oauth2(ACME_EMPLOYER).when().post("/api/v1/auditions/{id}/close", id)
                .then().statusCode(409).body("currentState", equalTo("DRAFT"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", id)
                .then().statusCode(409).body("currentState", equalTo("DRAFT"));

        act(ACME_EMPLOYER, id, "submit-for-scoping", 200);
        act(ACME_EMPLOYER, id, "submit-for-scoping", 409);
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body(spec())
                .when().put("/api/v1/auditions/{id}", id)
                .then().statusCode(409).body("currentState", equalTo("IN_SCOPING"));
        approve(id);
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body(spec())
                .when().put("/api/v1/auditions/{id}", id)
                .then().statusCode(409).body("currentState", equalTo("SCOPED"));
    }

    @Test
    void anOperatorCannotApproveAScopeThatBreaksTheRules() {
        String id = draft(ACME_EMPLOYER, spec(s -> {
            s.put("timeboxMinutes", 10);
            s.withObject("payPerSubmission").put("amountMinor", 100);
            s.withArray("rubric").remove(1);
        }));
        act(ACME_EMPLOYER, id, "submit-for-scoping", 200);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", id)
                .then().statusCode(409)
                .body("type", equalTo("urn:proofwork:problem:scope-rules-not-met"))
                .body("violations", hasSize(3))
                .body("violations", hasItem("rubric weights sum to 0.6, not 1"))
                .body("violations", hasItem("timebox of 10 minutes is outside 15-480"))
                .body("violations", hasItem("pay of 100 minor units is below the floor of 1500 EUR"));

        // the floor is per currency
        String pounds = draft(ACME_EMPLOYER, spec(s -> s.withObject("payPerSubmission").put("amountMinor", 1400)
                .put("currency", "GBP")));
        act(ACME_EMPLOYER, pounds, "submit-for-scoping", 200);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", pounds)
                .then().statusCode(200).body("status", equalTo("SCOPED"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"approved\": false, \"reasons\": []}")
                .when().post("/api/v1/auditions/{id}/scope-approval", id)
                .then().statusCode(400).body("errors.field", hasItem("reasons"));
    }

    @Test
    void employersWorkOnlyOnTheirOwnAuditionsAndEachRoleOnlyDoesItsPart() {
        String id = draft(ACME_EMPLOYER, spec());

        given().contentType(ContentType.JSON).body(spec()).when().post("/api/v1/auditions").then().statusCode(401);
        given().auth().oauth2(Tokens.learner("learner-1")).contentType(ContentType.JSON).body(spec())
                .when().post("/api/v1/auditions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.reviewer("rev-1")).when().get("/api/v1/auditions").then().statusCode(403);
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body("{\"approved\": true}")
                .when().post("/api/v1/auditions/{id}/scope-approval", id).then().statusCode(403);

        given().auth().oauth2(GLOBEX_EMPLOYER).when().get("/api/v1/auditions/{id}", id).then().statusCode(404);
        given().auth().oauth2(GLOBEX_EMPLOYER).contentType(ContentType.JSON).body(spec())
                .when().put("/api/v1/auditions/{id}", id).then().statusCode(404);
        act(GLOBEX_EMPLOYER, id, "submit-for-scoping", 404);
        act(GLOBEX_EMPLOYER, id, "close", 404);
        // a learner cannot see a draft at all
        given().auth().oauth2(Tokens.learner("learner-1")).when().get("/api/v1/auditions/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/auditions/{id}", id)
                .then().statusCode(200).body("orgId", equalTo("org-acme"));
    }

    @Test
    void listsShowEachRoleWhatItMaySee() {
        String open = Fixtures.openAudition(spec(s -> s.put("skill", "data-modelling")));
        String globexDraft = draft(GLOBEX_EMPLOYER, spec(s -> s.put("skill", "data-modelling")));

        given().auth().oauth2(Tokens.learner("learner-1"))
                .queryParam("skill", "data-modelling").queryParam("status", "OPEN")
                .when().get("/api/v1/auditions")
                .then().statusCode(200)
                .body("items.id", hasItem(open))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(globexDraft)))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("createdBy")))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("scopingReasons")))
                .body("items[0].seatsLeft", equalTo(10));
        given().auth().oauth2(GLOBEX_EMPLOYER).queryParam("skill", "data-modelling")
                .when().get("/api/v1/auditions")
                .then().statusCode(200)
                .body("items.id", hasItem(globexDraft))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(open)));
        given().auth().oauth2(OPERATOR).queryParam("skill", "data-modelling").queryParam("size", 1)
                .when().get("/api/v1/auditions")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1));

        given().auth().oauth2(OPERATOR).queryParam("status", "SOMEDAY").when().get("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(OPERATOR).queryParam("size", 1000).when().get("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aDraftWithBadFieldsIsRefusedFieldByFieldAndNothingIsStored() {
        long auditions = count("audition");
        long events = count("outbox");

        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> {
                    s.put("title", " ");
                    s.put("skill", "Not A Slug");
                    s.put("seats", 0);
                    s.put("reviewersPerSubmission", 4);
                    s.remove("closesAt");
                    s.withObject("payPerSubmission").put("currency", "euro");
                    s.withArray("rubric").addObject().put("key", "clarity").put("description", "again")
                            .put("weight", 0.1).put("maxScore", 0);
                }))
                .when().post("/api/v1/auditions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("title", "skill", "seats", "reviewersPerSubmission", "closesAt",
                        "payPerSubmission.currency", "rubric", "rubric[2].maxScore"))
                .body("errors.find { it.field == 'rubric' }.message", equalTo("rubric keys must be unique"));

        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> s.put("seats", "ten")))
                .when().post("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("seats"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> s.withObject("payPerSubmission").put("amountMinor", 12.5)))
                .when().post("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("payPerSubmission.amountMinor"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> s.withObject("payPerSubmission").put("amountMinor", "4500")))
                .when().post("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("payPerSubmission.amountMinor"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> s.withObject("payPerSubmission").put("currency", "ZZZ")))
                .when().post("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("payPerSubmission.currency"))
                .body("errors[0].message", containsString("EUR"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .body(spec(s -> s.put("seatz", 10)))
                .when().post("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("seatz"))
                .body("errors[0].message", containsString("not a known field"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/auditions")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .when().post("/api/v1/auditions")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(count("audition")).isEqualTo(auditions);
        assertThat(count("outbox")).isEqualTo(events);
    }

    @Test
    void anEmployerAccountWithoutOrganisationIsRefused() {
        given().auth().oauth2(Tokens.withRoles("emp-orphan", "employer")).contentType(ContentType.JSON).body(spec())
                .when().post("/api/v1/auditions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("no org_id"));
    }

    @Test
    void anEventWhosePublicationWasNotRecordedIsPublishedAgainWithTheSameId() {
        String id = draft(ACME_EMPLOYER, spec());
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

    /** The first event of that type the service published for this audition. */
    private static <E extends ProofworkEvent> E event(String auditionId, Class<E> type) {
        ConsumerRecord<String, byte[]> record = TestBroker.awaitRecords(Topics.AUDITIONS,
                r -> auditionId.equals(r.key()) && type.isInstance(CloudEventCodec.decode(r.headers(), r.value()).data()),
                1, Duration.ofSeconds(20)).getFirst();
        return type.cast(CloudEventCodec.decode(record.headers(), record.value()).data());
    }

    private long count(String table) {
        return database.query("select count(*) from " + table).execute().await().indefinitely()
                .iterator().next().getLong(0);
    }
}
