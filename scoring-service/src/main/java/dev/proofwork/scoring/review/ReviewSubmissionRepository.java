package dev.proofwork.scoring.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class ReviewSubmissionRepository implements PanacheRepositoryBase<ReviewSubmission, UUID> {

    /**
     * Re-reads the submission under a row lock held until the transaction ends: work on one submission's reviews is
     * decided one transaction after another, so the last of two simultaneous reviews sees the other.
     */
    public Uni<ReviewSubmission> lock(ReviewSubmission submission) {
        return Panache.getSession()
                .chain(session -> session.refresh(submission, LockModeType.PESSIMISTIC_WRITE))
                .replaceWith(submission);
    }
}
