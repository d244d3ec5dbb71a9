package dev.proofwork.ranking.cohort;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class AuditionEventsConsumer {

    private final EventInbox inbox;
    private final CohortRepository cohorts;

    AuditionEventsConsumer(EventInbox inbox, CohortRepository cohorts) {
        this.inbox = inbox;
        this.cohorts = cohorts;
    }

    @Incoming(Topics.AUDITIONS)
    Uni<Void> onAuditionEvent(Message<byte[]> record) {
        return inbox.consume(record, "ranking.cohorts", envelope -> switch (envelope.data()) {
            case AuditionDrafted drafted -> cohorts.persist(new Cohort(drafted.auditionId(), drafted.orgId(),
                    drafted.title(), drafted.skill(), drafted.draftedAt())).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        });
    }
}
