package dev.proofwork.scoring.reviewer;

import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.Conflict;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.scoring.review.ReviewAssigner;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class ReviewerService {

    private final ReviewerRepository reviewers;
    private final ReviewAssigner assigner;
    private final Clock clock;

    ReviewerService(ReviewerRepository reviewers, ReviewAssigner assigner, Clock clock) {
        this.reviewers = reviewers;
        this.assigner = assigner;
        this.clock = clock;
    }

    /** A new reviewer takes pooled tasks at once, within their capacity. */
    @WithTransaction
    public Uni<Reviewer> register(ReviewerRequest request) {
        Reviewer reviewer = new Reviewer(request.subject().strip(), request.skills().stream().distinct().toList(),
                request.affiliationsOrNone(), request.maxOpenReviews(), clock.instant());
        return reviewers.persistAndFlush(reviewer)
                .onFailure(ConstraintViolationException.class).transform(e -> new Conflict(
                        "reviewer-exists", "Reviewer exists", "a reviewer with subject " + reviewer.subject()
                                + " is already registered"))
                .call(assigner::assignPooled)
                .replaceWith(reviewer);
    }

    /** The reviewer's open tasks go back to the pool for others. */
    @WithTransaction
    public Uni<Reviewer> deactivate(UUID id) {
        return reviewers.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("reviewer " + id))
                .invoke(Reviewer::deactivate)
                .call(reviewer -> assigner.releaseAllOf(reviewer.id()));
    }

    /** How the reviewer scores against gold items and fares in appeals. */
    @WithSession
    public Uni<ReviewerQuality> quality(UUID id) {
        return reviewers.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("reviewer " + id))
                .chain(() -> reviewers.goldErrors(id))
                .chain(errors -> reviewers.appealOutcomes(id).map(outcomes -> ReviewerQuality.of(id, errors, outcomes)));
    }

    @WithSession
    public Uni<Page<Reviewer>> list(int page, int size) {
        var query = reviewers.findAll(Sort.by("createdAt").and("id")).page(page, size);
        return query.list().chain(items -> query.count().map(total -> new Page<>(items, page, size, total)));
    }
}
