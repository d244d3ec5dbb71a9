package dev.proofwork.scoring.reviewer;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/reviewers/{id}/quality")
@RolesAllowed(Caller.OPERATOR)
public class ReviewerQualityResource {

    private static final String GOLD_ERRORS = """
            select cast(t.weighted_score - s.expected_score as double precision)
            from review_task t join submission s on s.id = t.submission_id
            where t.reviewer_id = :reviewer and t.kind = 'GOLD' and t.weighted_score is not null""";

    private static final String APPEAL_OUTCOMES = """
            select a.status from appeal a
            where a.status <> 'OPEN'
              and exists (select 1 from review_task t where t.submission_id = a.submission_id
                          and t.reviewer_id = :reviewer and t.kind in ('REVIEW', 'ADJUDICATION'))""";

    private final ReviewerRepository reviewers;

    ReviewerQualityResource(ReviewerRepository reviewers) {
        this.reviewers = reviewers;
    }

    @GET
    @WithSession
    public Uni<ReviewerQuality> quality(@PathParam("id") UUID id) {
        return reviewers.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("reviewer " + id))
                .chain(reviewer -> Panache.getSession().chain(session -> session
                        .createNativeQuery(GOLD_ERRORS, Double.class).setParameter("reviewer", id).getResultList()
                        .chain(errors -> session.createNativeQuery(APPEAL_OUTCOMES, String.class)
                                .setParameter("reviewer", id).getResultList()
                                .map(outcomes -> quality(id, errors, outcomes)))));
    }

    private static ReviewerQuality quality(UUID id, List<Double> errors, List<String> outcomes) {
        int overturned = (int) outcomes.stream().filter("REVISED"::equals).count();
        return new ReviewerQuality(id, errors.size(),
                errors.isEmpty() ? null : errors.stream().mapToDouble(Math::abs).average().orElseThrow(),
                errors.isEmpty() ? null : errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                outcomes.size(), overturned, outcomes.isEmpty() ? null : (double) overturned / outcomes.size());
    }
}
