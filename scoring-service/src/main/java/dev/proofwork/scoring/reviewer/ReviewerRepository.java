package dev.proofwork.scoring.reviewer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReviewerRepository implements PanacheRepositoryBase<Reviewer, UUID> {

    public Uni<Reviewer> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /** The reviewer's score minus the expected one, for each gold item they scored. */
    Uni<List<Double>> goldErrors(UUID reviewerId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select cast(t.weighted_score - s.expected_score as double precision)
                          from review_task t join submission s on s.id = t.submission_id
                         where t.reviewer_id = :reviewer and t.kind = 'GOLD' and t.weighted_score is not null""",
                        Double.class)
                .setParameter("reviewer", reviewerId)
                .getResultList());
    }

    /** How each decided appeal against work the reviewer reviewed ended ({@code REVISED} overturned it). */
    Uni<List<String>> appealOutcomes(UUID reviewerId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select a.status from appeal a
                         where a.status <> 'OPEN'
                           and exists (select 1 from review_task t where t.submission_id = a.submission_id
                                       and t.reviewer_id = :reviewer and t.kind in ('REVIEW', 'ADJUDICATION'))""",
                        String.class)
                .setParameter("reviewer", reviewerId)
                .getResultList());
    }
}
