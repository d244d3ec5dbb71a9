package dev.proofwork.scoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OperatorDecisionRepository implements PanacheRepositoryBase<OperatorDecision, UUID> {

    public Uni<List<OperatorDecision>> forSubmission(UUID submissionId) {
        return list("submissionId = ?1 order by decidedAt, id", submissionId);
    }
}
