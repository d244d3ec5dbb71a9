package dev.proofwork.ranking.facets;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reviews move the model; seat claims and submissions say whose work each review was about. */
@ApplicationScoped
public class RankingEventsConsumer {

    private final EventInbox inbox;
    private final RankingService rankings;

    RankingEventsConsumer(EventInbox inbox, RankingService rankings) {
        this.inbox = inbox;
        this.rankings = rankings;
    }

    @Incoming(Topics.SCORING)
    Uni<Void> onScoringEvent(Message<byte[]> record) {
        return inbox.consume(record, "ranking.reviews", envelope -> envelope.data() instanceof ReviewRecorded review
                ? rankings.reviewRecorded(review)
                : Uni.createFrom().voidItem());
    }

    @Incoming(Topics.ATTEMPTS)
    Uni<Void> onAttemptEvent(Message<byte[]> record) {
        return inbox.consume(record, "ranking.authors", envelope -> switch (envelope.data()) {
            case SeatClaimed claimed -> rankings.seatClaimed(claimed);
            case SubmissionReceived received -> rankings.submissionReceived(received);
            default -> Uni.createFrom().voidItem();
        });
    }
}
