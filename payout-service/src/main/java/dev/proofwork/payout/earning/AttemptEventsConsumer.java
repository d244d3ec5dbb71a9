package dev.proofwork.payout.earning;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class AttemptEventsConsumer {

    private final EventInbox inbox;
    private final EarningService earnings;

    AttemptEventsConsumer(EventInbox inbox, EarningService earnings) {
        this.inbox = inbox;
        this.earnings = earnings;
    }

    @Incoming(Topics.ATTEMPTS)
    Uni<Void> onAttemptEvent(Message<byte[]> record) {
        return inbox.consume(record, "payout.attempts", envelope -> switch (envelope.data()) {
            case SeatClaimed claimed -> earnings.seatClaimed(claimed);
            case SubmissionReceived received -> earnings.received(received);
            default -> Uni.createFrom().voidItem();
        });
    }
}
