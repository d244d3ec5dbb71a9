package dev.proofwork.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventDecodingTest {

    private final ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(EventEnvelope.of(
            "audition-service", EventSamples.T,
            new AuditionDrafted(EventSamples.AUDITION, "org-acme", "Title", "sql-analytics", EventSamples.T)));

    @Test
    void usesBinaryModeHeadersAndJsonData() {
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_type")).isEqualTo("proofwork.audition.drafted.v1");
        assertThat(header(record.headers(), "ce_source")).isEqualTo("audition-service");
        assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"title\":\"Title\"")
                .contains("\"draftedAt\":\"2026-11-23T10:15:30.123456Z\"");
    }

    @Test
    void refusesARecordWithoutType() {
        Headers headers = copyWithout("ce_type");

        assertThatThrownBy(() -> CloudEventCodec.decode(headers, record.value()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("missing header ce_type");
    }

    @Test
    void refusesAnUnknownType() {
        Headers headers = copyWithout("ce_type").add("ce_type", "proofwork.audition.exploded.v1".getBytes());

        assertThatThrownBy(() -> CloudEventCodec.decode(headers, record.value()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event type proofwork.audition.exploded.v1");
    }

    @Test
    void refusesDataThatIsNotJson() {
        assertThatThrownBy(() -> CloudEventCodec.decode(record.headers(), "not json".getBytes()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not a valid proofwork.audition.drafted.v1");
    }

    @Test
    void refusesDataWithAMissingField() {
        byte[] withoutOrg = "{\"auditionId\":\"0b6f1c52-8a7e-4d52-9a4e-3d0f6f2b1a11\",\"title\":\"T\",\"skill\":\"s\",\"draftedAt\":\"2026-11-23T10:15:30Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CloudEventCodec.decode(record.headers(), withoutOrg))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("orgId");
    }

    @Test
    void refusesAnIdThatIsNotAUuid() {
        Headers headers = copyWithout("ce_id").add("ce_id", "42".getBytes());

        assertThatThrownBy(() -> CloudEventCodec.decode(headers, record.value()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_id");
    }

    private Headers copyWithout(String name) {
        Headers copy = new RecordHeaders(record.headers().toArray());
        copy.remove(name);
        return copy;
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
