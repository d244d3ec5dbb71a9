package dev.proofwork.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    static Iterable<ProofworkEvent> samples() {
        return EventSamples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventSurvivesTheWireUnchanged(ProofworkEvent event) {
        EventEnvelope<?> sent = EventEnvelope.of("audition-service", EventSamples.T, event);

        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(sent);
        EventEnvelope<?> received = CloudEventCodec.decode(record.headers(), record.value());

        assertThat(received).isEqualTo(sent);
        assertThat(record.key()).isEqualTo(event.aggregateId());
        assertThat(record.topic()).isEqualTo(EventCatalog.of(event).topic());
    }

    @Test
    void everyEventClassHasACatalogEntryWithATopic() {
        Set<String> topicNames = Topics.ALL.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());

        for (Class<?> eventClass : concreteEventClasses()) {
            @SuppressWarnings("unchecked")
            EventType<?> type = EventCatalog.of((Class<? extends ProofworkEvent>) eventClass);
            assertThat(topicNames).as("topic of %s", eventClass.getSimpleName()).contains(type.topic());
            assertThat(type.type()).matches("proofwork\\.[a-z-]+\\.[a-z-]+\\.v\\d+");
        }
    }

    @Test
    void everyEventClassHasASampleSoItsRoundTripIsTested() {
        Set<Class<?>> sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(concreteEventClasses());
    }

    @Test
    void eventTypeNamesAreUnique() {
        assertThat(EventCatalog.all().stream().map(EventType::type).distinct().count())
                .isEqualTo(EventCatalog.all().size());
    }

    /** Walks the sealed hierarchy, so a record added to a family is found without being listed anywhere. */
    static Set<Class<?>> concreteEventClasses() {
        Set<Class<?>> leaves = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.push(ProofworkEvent.class);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    pending.push(sub);
                }
            } else {
                leaves.add(type);
            }
        }
        return leaves;
    }
}
