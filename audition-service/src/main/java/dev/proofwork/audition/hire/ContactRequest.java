package dev.proofwork.audition.hire;

import dev.proofwork.runtime.domain.DomainException.InvalidState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An employer asking the author of a scored submission for contact. The learner stays a pseudonym to the
 * employer until they accept; a decline is final, so an employer cannot wear a learner down by asking again.
 */
@Entity
@Table(name = "contact_request")
public class ContactRequest {

    @Id
    private UUID id;
    private UUID auditionId;
    private UUID submissionId;
    private String orgId;
    private String learnerId;
    private String message;
    @Enumerated(EnumType.STRING)
    private ContactStatus status;
    private String requestedBy;
    private Instant requestedAt;
    private Instant answeredAt;

    protected ContactRequest() {
    }

    ContactRequest(UUID auditionId, UUID submissionId, String orgId, String learnerId, String message,
            String requestedBy, Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.auditionId = auditionId;
        this.submissionId = submissionId;
        this.orgId = orgId;
        this.learnerId = learnerId;
        this.message = message;
        this.status = ContactStatus.PENDING;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void answer(boolean accept, Instant now) {
        if (status != ContactStatus.PENDING) {
            throw new InvalidState("contact-already-answered", "Already answered",
                    "this contact request was already " + status.name().toLowerCase());
        }
        status = accept ? ContactStatus.ACCEPTED : ContactStatus.DECLINED;
        answeredAt = now;
    }

    boolean sentTo(String learner) {
        return learnerId.equals(learner);
    }

    /** Whether the learner agreed to let this employer know who they are. */
    public boolean revealsLearner() {
        return status == ContactStatus.ACCEPTED;
    }

    public UUID id() {
        return id;
    }

    public UUID auditionId() {
        return auditionId;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public String orgId() {
        return orgId;
    }

    public String learnerId() {
        return learnerId;
    }

    public String message() {
        return message;
    }

    public ContactStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
