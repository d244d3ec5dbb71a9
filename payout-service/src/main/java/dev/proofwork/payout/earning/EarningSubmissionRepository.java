package dev.proofwork.payout.earning;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EarningSubmissionRepository implements PanacheRepositoryBase<EarningSubmission, UUID> {

    /** The audition's valid, scored submissions whose learner is known: the candidates for its bonus. */
    Uni<List<EarningSubmission>> bonusCandidates(UUID auditionId) {
        return list("auditionId = ?1 and valid = true and rejected = false and learnerId is not null and finalScore is not null",
                auditionId);
    }
}
