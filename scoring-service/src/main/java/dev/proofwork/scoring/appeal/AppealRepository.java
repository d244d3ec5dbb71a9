package dev.proofwork.scoring.appeal;

import dev.proofwork.scoring.review.ReviewSubmission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    /** A learner's own submission with its appeal, if any. */
    public record OwnedSubmission(ReviewSubmission submission, Appeal appeal) {
    }

    public Uni<Appeal> findBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResult();
    }

    /** The submission with its appeal, in one query; null unless the learner took the attempt it came from. */
    Uni<OwnedSubmission> owned(String learnerId, UUID submissionId) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select s, ap from ReviewSubmission s
                          join LearnerAttempt la on la.attemptId = s.attemptId
                          left join Appeal ap on ap.submissionId = s.id
                         where s.id = :submission and la.learnerId = :learner""", Object[].class)
                        .setParameter("submission", submissionId)
                        .setParameter("learner", learnerId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null
                        : new OwnedSubmission((ReviewSubmission) rows.getFirst()[0], (Appeal) rows.getFirst()[1]));
    }
}
