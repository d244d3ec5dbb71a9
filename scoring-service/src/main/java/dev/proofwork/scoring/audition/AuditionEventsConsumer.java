package dev.proofwork.scoring.audition;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import dev.proofwork.scoring.review.ReviewAssigner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class AuditionEventsConsumer {

    private final EventInbox inbox;
    private final ScoringAuditionRepository auditions;
    private final ReviewAssigner assigner;
    private final TransactionLocks locks;

    AuditionEventsConsumer(EventInbox inbox, ScoringAuditionRepository auditions, ReviewAssigner assigner,
            TransactionLocks locks) {
        this.locks = locks;
        this.inbox = inbox;
        this.auditions = auditions;
        this.assigner = assigner;
    }

    @Incoming(Topics.AUDITIONS)
    Uni<Void> onAuditionEvent(Message<byte[]> record) {
        return inbox.consume(record, "scoring.auditions", envelope -> switch (envelope.data()) {
            case AuditionDrafted drafted -> auditions.persist(new ScoringAudition(drafted.auditionId(), drafted.orgId(),
                    drafted.title(), drafted.skill(), drafted.draftedAt())).replaceWithVoid();
            // submissions that arrived before their audition's rubric (another topic) get their tasks now
            case AuditionOpened opened -> locks.lock("audition", opened.auditionId())
                    .chain(() -> auditions.findById(opened.auditionId()))
                    .chain(known -> known == null
                            ? auditions.persist(ScoringAudition.opened(opened)).replaceWithVoid()
                            : Uni.createFrom().voidItem().invoke(() -> known.open(opened)))
                    .call(() -> assigner.createTasksForWaiting(opened.auditionId()));
            default -> Uni.createFrom().voidItem();
        });
    }
}
