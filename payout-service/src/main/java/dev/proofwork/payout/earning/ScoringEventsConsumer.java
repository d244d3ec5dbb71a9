package dev.proofwork.payout.earning;

import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.payout.escrow.EscrowService;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class ScoringEventsConsumer {

    private final EventInbox inbox;
    private final EarningService earnings;
    private final EscrowService escrow;

    ScoringEventsConsumer(EventInbox inbox, EarningService earnings, EscrowService escrow) {
        this.inbox = inbox;
        this.earnings = earnings;
        this.escrow = escrow;
    }

    @Incoming(Topics.SCORING)
    Uni<Void> onScoringEvent(Message<byte[]> record) {
        return inbox.consume(record, "payout.scoring", envelope -> switch (envelope.data()) {
            case ReviewRecorded review -> escrow.reviewRecorded(review.reviewId(), review.auditionId());
            case SubmissionScored scored -> earnings.scored(scored);
            case SubmissionRejected rejected -> earnings.rejected(rejected);
            default -> Uni.createFrom().voidItem();
        });
    }
}
