package dev.proofwork.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Topics;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What every consumer of audition-service's events must do, proved against the real broker and database:
 * apply each event once however often it is delivered, and dead-letter a record it cannot read without
 * stopping. A service's test extends this and names the endpoint where it shows what it recorded.
 */
public abstract class DraftedAuditionConsumerContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The operator's read endpoint for one audition as this service recorded it, with an {@code {id}} slot. */
    protected abstract String recordedAuditionPath();

    @Test
    void aDraftedAuditionDeliveredTwiceIsAppliedOnce() {
        UUID auditionId = UUID.randomUUID();
        EventEnvelope<AuditionDrafted> drafted = drafted(auditionId);

        TestBroker.publish(drafted);
        TestBroker.publish(drafted);

        awaitRecorded(auditionId);
        TestBroker.awaitCaughtUp(Topics.AUDITIONS, PATIENCE);
        // applied twice, the second insert would break the primary key and be retried into the dead letters
        assertThat(TestBroker.collectSettled(Topics.DEAD_LETTERS,
                TestBroker.withHeader(CloudEventCodec.HEADER_ID, drafted.id().toString()), PATIENCE))
                .isEmpty();
        given().auth().oauth2(Tokens.operator("op-1"))
                .when().get(recordedAuditionPath(), auditionId)
                .then().statusCode(200)
                .body("auditionId", equalTo(auditionId.toString()))
                .body("orgId", equalTo("org-acme"));
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonAndConsumptionGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.AUDITIONS, null, poisonKey,
                "{\"auditionId\": 42".getBytes(StandardCharsets.UTF_8),
                List.copyOf(CloudEventCodec.headers(UUID.randomUUID(), "proofwork.audition.drafted.v1",
                        "a-faulty-producer", Instant.now())));
        UUID nextAudition = UUID.randomUUID();

        TestBroker.send(poison);
        TestBroker.publish(drafted(nextAudition));

        ConsumerRecord<String, byte[]> deadLetter = TestBroker.awaitRecords(Topics.DEAD_LETTERS,
                record -> poisonKey.equals(record.key()), 1, PATIENCE).getFirst();
        assertThat(deadLetter.value()).isEqualTo(poison.value());
        assertThat(TestBroker.header(deadLetter, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("not a valid proofwork.audition.drafted.v1"));
        assertThat(TestBroker.header(deadLetter, "dead-letter-topic")).contains(Topics.AUDITIONS);
        awaitRecorded(nextAudition);
    }

    @Test
    void theRecordedAuditionIsForOperatorsOnly() {
        UUID auditionId = UUID.randomUUID();
        given().when().get(recordedAuditionPath(), auditionId).then().statusCode(401);
        given().auth().oauth2(Tokens.learner("learner-1"))
                .when().get(recordedAuditionPath(), auditionId)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.operator("op-1"))
                .when().get(recordedAuditionPath(), auditionId)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    protected static EventEnvelope<AuditionDrafted> drafted(UUID auditionId) {
        Instant now = Instant.now();
        return EventEnvelope.of("audition-service", now,
                new AuditionDrafted(auditionId, "org-acme", "Fix the revenue query", "sql-analytics", now));
    }

    protected void awaitRecorded(UUID auditionId) {
        Awaitility.await("audition " + auditionId + " recorded").atMost(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                .untilAsserted(() -> given().auth().oauth2(Tokens.operator("op-1"))
                        .when().get(recordedAuditionPath(), auditionId)
                        .then().statusCode(200));
    }
}
