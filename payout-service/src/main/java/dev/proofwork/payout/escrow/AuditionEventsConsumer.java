package dev.proofwork.payout.escrow;

import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class AuditionEventsConsumer {

    private final EventInbox inbox;
    private final EscrowService escrow;

    AuditionEventsConsumer(EventInbox inbox, EscrowService escrow) {
        this.inbox = inbox;
        this.escrow = escrow;
    }

    @Incoming(Topics.AUDITIONS)
    Uni<Void> onAuditionEvent(Message<byte[]> record) {
        return inbox.consume(record, "payout.audition-accounts", envelope -> switch (envelope.data()) {
            case AuditionDrafted drafted -> escrow.drafted(drafted);
            case AuditionPublishRequested requested -> escrow.publishRequested(requested);
            case AuditionClosed closed -> escrow.closed(closed);
            default -> Uni.createFrom().voidItem();
        });
    }
}
