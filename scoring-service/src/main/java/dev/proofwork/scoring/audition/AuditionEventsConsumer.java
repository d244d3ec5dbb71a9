package dev.proofwork.scoring.audition;

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
    private final ScoringAuditionRepository auditions;

    AuditionEventsConsumer(EventInbox inbox, ScoringAuditionRepository auditions) {
        this.inbox = inbox;
        this.auditions = auditions;
    }

    @Incoming(Topics.AUDITIONS)
    Uni<Void> onAuditionEvent(Message<byte[]> record) {
        return inbox.consume(record, "scoring.auditions", envelope -> switch (envelope.data()) {
            case AuditionDrafted drafted -> auditions.persist(new ScoringAudition(drafted.auditionId(), drafted.orgId(),
                    drafted.title(), drafted.skill(), drafted.draftedAt())).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        });
    }
}
