package dev.proofwork.audition.submission;

import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.events.ScoringEvent.SubmissionRejected;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import dev.proofwork.runtime.inbox.EventInbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps each submission's QA status and final score as scoring-service reports them. */
@ApplicationScoped
public class ScoringEventsConsumer {

    private final EventInbox inbox;
    private final SubmissionService submissions;

    ScoringEventsConsumer(EventInbox inbox, SubmissionService submissions) {
        this.inbox = inbox;
        this.submissions = submissions;
    }

    @Incoming(Topics.SCORING)
    Uni<Void> onScoringEvent(Message<byte[]> record) {
        return inbox.consume(record, "audition.qa-status", envelope -> switch (envelope.data()) {
            case ReviewRecorded review -> submissions.reviewStarted(review.submissionId());
            case SubmissionScored scored -> submissions.scored(scored);
            case SubmissionRejected rejected -> submissions.rejected(rejected);
            default -> Uni.createFrom().voidItem();
        });
    }
}
