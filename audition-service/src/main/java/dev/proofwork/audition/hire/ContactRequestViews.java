package dev.proofwork.audition.hire;

import java.time.Instant;
import java.util.UUID;

/** Contact requests as each side sees them. */
public final class ContactRequestViews {

    private ContactRequestViews() {
    }

    /** The employer's side: the candidate's pseudonym, and their id only once they accepted. */
    public record ForEmployer(UUID contactRequestId, UUID submissionId, String candidate, String learnerId,
            ContactStatus status, Instant requestedAt, Instant answeredAt) {
    }

    /** The learner's side: who asks, about which audition, and with what message. */
    public record ForLearner(UUID contactRequestId, UUID auditionId, String auditionTitle, String orgId,
            String message, ContactStatus status, Instant requestedAt, Instant answeredAt) {
    }
}
