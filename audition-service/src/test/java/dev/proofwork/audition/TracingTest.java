package dev.proofwork.audition;

import static dev.proofwork.audition.Fixtures.ACME_EMPLOYER;
import static dev.proofwork.audition.Fixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.events.Topics;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * With tracing switched on, the event a request writes is published in that request's trace, although the
 * outbox relay sends it later and elsewhere: the record's traceparent continues the caller's trace.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(ProofworkTestResource.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // spans are made and propagated; none is exported, as no collector runs here
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
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
}
