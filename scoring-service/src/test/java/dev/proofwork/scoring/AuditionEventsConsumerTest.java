package dev.proofwork.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.Topics;
import dev.proofwork.testkit.DraftedAuditionConsumerContract;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class AuditionEventsConsumerTest extends DraftedAuditionConsumerContract {

    @Override
    protected String recordedAuditionPath() {
        return "/api/v1/scoring/auditions/{id}";
    }

    @Test
    void anEventWhoseEffectKeepsFailingIsDeadLetteredAfterItsRetries() {
        UUID auditionId = UUID.randomUUID();
        Instant now = Instant.now();
        // readable, but scoring cannot store a skill that is not a slug: every retry fails the same way
        EventEnvelope<AuditionDrafted> unstorable = EventEnvelope.of("audition-service", now,
                new AuditionDrafted(auditionId, "org-acme", "Title", "Not A Slug", now));

        TestBroker.publish(unstorable);

        ConsumerRecord<String, byte[]> deadLetter = TestBroker.awaitRecords(Topics.DEAD_LETTERS,
                TestBroker.withHeader(CloudEventCodec.HEADER_ID, unstorable.id().toString()), 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(TestBroker.header(deadLetter, "dead-letter-reason")).isPresent();
        assertThat(deadLetter.key()).isEqualTo(auditionId.toString());
    }
}
