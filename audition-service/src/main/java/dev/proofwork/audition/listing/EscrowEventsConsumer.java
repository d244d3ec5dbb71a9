package dev.proofwork.audition.listing;

import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EscrowEvent.EscrowRefused;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** payout-service's answer to a publish request opens the audition or sends it back with the shortfall. */
@ApplicationScoped
public class EscrowEventsConsumer {

    private final EventInbox inbox;
    private final AuditionService auditions;

    EscrowEventsConsumer(EventInbox inbox, AuditionService auditions) {
        this.inbox = inbox;
        this.auditions = auditions;
    }

    @Incoming(Topics.ESCROW)
    Uni<Void> onEscrowEvent(Message<byte[]> record) {
        return inbox.consume(record, "audition.escrow", envelope -> switch (envelope.data()) {
            case EscrowFunded funded -> auditions.escrowFunded(funded);
            case EscrowRefused refused -> auditions.escrowRefused(refused);
            default -> Uni.createFrom().voidItem();
        });
    }
}
