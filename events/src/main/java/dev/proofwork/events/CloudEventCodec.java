package dev.proofwork.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * CloudEvents 1.0 in Kafka binary content mode: the context attributes travel as {@code ce_*}
 * headers, the event data is the record value as JSON, and the record key is the aggregate id.
 */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // producers write every field, so an absent one means a broken or foreign record
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CloudEventCodec() {
    }

    public static byte[] encodeData(ProofworkEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** The binary-mode headers for an event already stored elsewhere (the outbox keeps these as columns). */
    public static List<RecordHeader> headers(UUID id, String type, String source, Instant time) {
        return List.of(
                header(HEADER_SPEC_VERSION, SPEC_VERSION),
                header(HEADER_ID, id.toString()),
                header(HEADER_SOURCE, source),
                header(HEADER_TYPE, type),
                header(HEADER_TIME, time.toString()),
                header(HEADER_CONTENT_TYPE, CONTENT_TYPE));
    }

    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope<?> envelope) {
        EventType<?> type = envelope.eventType();
        return new ProducerRecord<>(type.topic(), null, envelope.key(), encodeData(envelope.data()),
                List.<Header> copyOf(headers(envelope.id(), type.type(), envelope.source(), envelope.time())));
    }

    /** Reads a record back into an envelope, or says precisely why it is not a Proofwork event. */
    public static EventEnvelope<?> decode(Headers headers, byte[] value) {
        String specVersion = required(headers, HEADER_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion " + specVersion);
        }
        String typeName = required(headers, HEADER_TYPE);
        EventType<?> type = EventCatalog.byType(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type " + typeName));
        UUID id = parse(HEADER_ID, required(headers, HEADER_ID), UUID::fromString);
        Instant time = parse(HEADER_TIME, required(headers, HEADER_TIME), Instant::parse);
        if (value == null || value.length == 0) {
            throw new MalformedEventException(typeName + " has no data");
        }
        return new EventEnvelope<>(id, required(headers, HEADER_SOURCE), time, decodeData(type, value));
    }

    private static <E extends ProofworkEvent> E decodeData(EventType<E> type, byte[] value) {
        try {
            return JSON.readValue(value, type.javaType());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data is not a valid " + type.type() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("data is not a valid " + type.type() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a record's own constructor refused the values (e.g. a bad currency code)
            throw new MalformedEventException("data is not a valid " + type.type() + ": " + e.getMessage(), e);
        }
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEventException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T parse(String name, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("header " + name + " is not valid: " + raw, e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
