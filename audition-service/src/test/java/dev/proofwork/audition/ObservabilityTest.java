package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.ACME;
import static dev.proofwork.audition.Fixtures.ACME_EMPLOYER;
import static dev.proofwork.audition.Fixtures.act;
import static dev.proofwork.audition.Fixtures.approve;
import static dev.proofwork.audition.Fixtures.draft;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Money;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What an operator switches on to see what happens, switched on: traces (the event a request writes is published
 * in that request's trace, although the outbox relay sends it later and elsewhere) and JSON log lines that carry
 * the request's correlation id.
 */
@QuarkusTest
@TestProfile(ObservabilityTest.SwitchedOn.class)
@QuarkusTestResource(ProofworkTestResource.class)
class ObservabilityTest {

    private static final Path LOG = Path.of("target", "observability-test.log.json");

    public static class SwitchedOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // spans are made and propagated; none is exported, as no collector runs here. The file handler stands
            // in for the console a log shipper reads: same JSON formatter, a place the test can read back
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none",
                    "quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    @Test
    void theDraftedEventContinuesTheTraceOfTheRequestThatDraftedIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String auditionId = given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(spec())
                .when().post("/api/v1/auditions")
                .then().statusCode(201)
                .extract().path("id");

        ConsumerRecord<String, byte[]> drafted = TestBroker.awaitRecords(Topics.AUDITIONS,
                record -> auditionId.equals(record.key()), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(TestBroker.header(drafted, "traceparent")).hasValueSatisfying(
                traceParent -> assertThat(traceParent).startsWith("00-" + traceId + "-").endsWith("-01"));
    }

    @Test
    void anEventWrittenWhileConsumingContinuesTheTraceOfTheEventConsumed() {
        String auditionId = draft(ACME_EMPLOYER, spec());
        act(ACME_EMPLOYER, auditionId, "submit-for-scoping", 200);
        approve(auditionId);
        act(ACME_EMPLOYER, auditionId, "publish", 202);
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        ProducerRecord<String, byte[]> funded = CloudEventCodec.toRecord(EventEnvelope.of("payout-service", Instant.now(),
                new EscrowFunded(UUID.fromString(auditionId), ACME, new Money(45_000, "EUR"), Instant.now())));
        funded.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
        TestBroker.send(funded);

        ConsumerRecord<String, byte[]> opened = TestBroker.awaitRecords(Topics.AUDITIONS, record -> auditionId.equals(record.key())
                && CloudEventCodec.decode(record.headers(), record.value()).data() instanceof AuditionOpened, 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(TestBroker.header(opened, "traceparent")).hasValueSatisfying(
                traceParent -> assertThat(traceParent).startsWith("00-" + traceId + "-"));
    }

    @Test
    void aRefusalIsLoggedAsOneJsonLineWithTheCorrelationIdTheCallerWasGiven() {
        String correlationId = "observability-" + System.nanoTime();
        given().auth().oauth2(ACME_EMPLOYER).contentType(ContentType.JSON)
                .header("X-Correlation-Id", correlationId)
                .body("{\"title\": 42}")
                .when().post("/api/v1/auditions")
                .then().statusCode(400);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(linesOf(correlationId))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("INFO");
                    assertThat(line.path("message").asText()).startsWith("refused with 400");
                }));
    }

    private static List<JsonNode> linesOf(String correlationId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (var lines = Files.lines(LOG)) {
            return lines.map(line -> {
                try {
                    return json.readTree(line);
                } catch (IOException notJson) {
                    throw new AssertionError("a log line that is not JSON: " + line, notJson);
                }
            }).filter(line -> correlationId.equals(line.path("mdc").path("correlationId").asText())).toList();
        }
    }
}
