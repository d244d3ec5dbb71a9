package dev.proofwork.payout.escrow;

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
    private final AuditionAccountRepository accounts;

    AuditionEventsConsumer(EventInbox inbox, AuditionAccountRepository accounts) {
        this.inbox = inbox;
        this.accounts = accounts;
    }

    @Incoming(Topics.AUDITIONS)
    Uni<Void> onAuditionEvent(Message<byte[]> record) {
        return inbox.consume(record, "payout.audition-accounts", envelope -> switch (envelope.data()) {
            case AuditionDrafted drafted -> accounts.persist(new AuditionAccount(drafted.auditionId(), drafted.orgId(),
                    drafted.title(), drafted.skill(), drafted.draftedAt())).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        });
    }
}
