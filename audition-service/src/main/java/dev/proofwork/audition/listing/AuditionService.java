package dev.proofwork.audition.listing;

import dev.proofwork.audition.attempt.AttemptExpiry;
import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionOpened;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.AuditionEvent.AuditionScoped;
import dev.proofwork.events.EscrowEvent.EscrowFunded;
import dev.proofwork.events.EscrowEvent.EscrowRefused;
import dev.proofwork.events.RubricCriterion;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The audition lifecycle: every change is stored together with its event, or not at all. */
@ApplicationScoped
public class AuditionService {

    private static final Logger LOG = Logger.getLogger(AuditionService.class);

    private final AuditionRepository auditions;
    private final AttemptExpiry attemptExpiry;
    private final ScopingPolicy scopingPolicy;
    private final Outbox outbox;
    private final Clock clock;

    AuditionService(AuditionRepository auditions, AttemptExpiry attemptExpiry, ScopingPolicy scopingPolicy,
            Outbox outbox, Clock clock) {
        this.auditions = auditions;
        this.attemptExpiry = attemptExpiry;
        this.scopingPolicy = scopingPolicy;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Audition> draft(String orgId, String employer, AuditionSpec spec) {
        scopingPolicy.requireSupportedCurrency(spec);
        Audition audition = Audition.draft(orgId, employer, spec, clock.instant());
        return auditions.persist(audition)
                .chain(() -> outbox.add(new AuditionDrafted(audition.id(), orgId, audition.title(), audition.skill(),
                        audition.createdAt())))
                .replaceWith(audition);
    }

    @WithTransaction
    public Uni<Audition> edit(UUID id, Viewer viewer, AuditionSpec spec) {
        scopingPolicy.requireSupportedCurrency(spec);
        return owned(id, viewer).invoke(audition -> audition.edit(spec, clock.instant()));
    }

    @WithTransaction
    public Uni<Audition> submitForScoping(UUID id, Viewer viewer) {
        return owned(id, viewer).invoke(audition -> audition.submitForScoping(clock.instant()));
    }

    /** Approves only a scope that meets every rule; a refusal sends the draft back with the reasons. */
    @WithTransaction
    public Uni<Audition> decideScope(UUID id, Viewer operator, ScopeDecision decision) {
        Instant now = clock.instant();
        return owned(id, operator).chain(audition -> {
            if (!decision.approved()) {
                audition.refuseScope(decision.reasons(), now);
                return Uni.createFrom().item(audition);
            }
            List<String> violations = scopingPolicy.violations(audition, now);
            if (!violations.isEmpty() && audition.status() == AuditionStatus.IN_SCOPING) {
                throw new Refused("scope-rules-not-met", "The scope breaks the rules",
                        "refuse it with reasons instead: " + String.join("; ", violations))
                        .with("violations", violations);
            }
            audition.approveScope(decision.anchor(), now);
            return outbox.add(new AuditionScoped(audition.id(), audition.orgId(), audition.skill(), operator.subject(),
                    now)).replaceWith(audition);
        });
    }

    /** Asks payout-service for escrow; the audition opens when the funding answer arrives. */
    @WithTransaction
    public Uni<Audition> publish(UUID id, Viewer viewer) {
        Instant now = clock.instant();
        return owned(id, viewer).chain(audition -> {
            if (audition.status() == AuditionStatus.SCOPED && !audition.closesAt().isAfter(now)) {
                throw new InvalidState("window-closed", "The window has closed",
                        "the audition's window closed at " + audition.closesAt() + "; it cannot be published")
                        .with("closesAt", audition.closesAt());
            }
            audition.requestPublication(now);
            return outbox.add(new AuditionPublishRequested(audition.id(), audition.orgId(), audition.skill(),
                    audition.seats(), AuditionView.pay(audition), audition.reviewersPerSubmission(),
                    AuditionView.bonus(audition), now)).replaceWith(audition);
        });
    }

    /** Stops new seats and expires every unsubmitted attempt, atomically with the closed event. */
    @WithTransaction
    public Uni<Audition> close(UUID id, Viewer viewer) {
        Instant now = clock.instant();
        // the row lock makes concurrent seat claims wait, then find the audition closed
        return auditions.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(audition -> visibleToOwner(audition, id, viewer))
                .call(audition -> closeLocked(audition, now));
    }

    /** Closes open auditions whose window has passed; returns how many. Safe with several instances at once. */
    @WithTransaction
    public Uni<Integer> closeDue() {
        Instant now = clock.instant();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select id from audition where status = 'OPEN' and closes_at <= :now
                                order by closes_at limit 100 for update skip locked""", UUID.class)
                        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Audition> of()) : auditions.list("id in ?1", ids))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(audition -> closeLocked(audition, now))
                        .collect().last()
                        .replaceWith(due.size()));
    }

    private Uni<Void> closeLocked(Audition audition, Instant now) {
        audition.close(now);
        return attemptExpiry.expireUnsubmitted(audition.id(), now)
                .chain(() -> outbox.add(new AuditionClosed(audition.id(), audition.orgId(), audition.seatsClaimed(), now)))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Audition> find(UUID id, Viewer viewer) {
        return auditions.findById(id).map(audition -> {
            if (audition == null || !viewer.maySee(audition)) {
                throw new NotFound("audition " + id);
            }
            return audition;
        });
    }

    /** Learners see open and closed auditions of every organisation; employers their own; operators all. */
    @WithSession
    public Uni<Page<Audition>> list(Viewer viewer, AuditionStatus status, String skill, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (viewer.isLearner()) {
            where.add("status in :visible");
            params.and("visible", EnumSet.of(AuditionStatus.OPEN, AuditionStatus.CLOSED));
        } else if (!viewer.isOperator()) {
            where.add("orgId = :org");
            params.and("org", viewer.orgId());
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (skill != null) {
            where.add("skill = :skill");
            params.and("skill", skill);
        }
        var query = auditions.find(where.isEmpty() ? "" : String.join(" and ", where),
                Sort.by("createdAt", Sort.Direction.Descending).and("id"), params).page(page, size);
        return query.list().chain(items -> query.count().map(total -> new Page<>(items, page, size, total)));
    }

    /** Runs inside the consumer's transaction: payout-service reserved the escrow. */
    public Uni<Void> escrowFunded(EscrowFunded funded) {
        Instant now = clock.instant();
        return auditions.findById(funded.auditionId()).chain(audition -> {
            if (audition == null || audition.status() != AuditionStatus.FUNDING) {
                LOG.warnf("escrow funded for audition %s, which is not awaiting funding; ignored", funded.auditionId());
                return Uni.createFrom().voidItem();
            }
            audition.open(now);
            return outbox.add(opened(audition, now)).replaceWithVoid();
        });
    }

    /** Runs inside the consumer's transaction: the balance did not cover the escrow. */
    public Uni<Void> escrowRefused(EscrowRefused refused) {
        return auditions.findById(refused.auditionId()).invoke(audition -> {
            if (audition == null || audition.status() != AuditionStatus.FUNDING) {
                LOG.warnf("escrow refused for audition %s, which is not awaiting funding; ignored", refused.auditionId());
                return;
            }
            audition.fundingRefused(refused.shortfall().amountMinor(), clock.instant());
        }).replaceWithVoid();
    }

    private static AuditionOpened opened(Audition a, Instant now) {
        List<RubricCriterion> rubric = a.rubric().stream()
                .map(c -> new RubricCriterion(c.key(), c.description(), c.weight(), c.maxScore()))
                .toList();
        return new AuditionOpened(a.id(), a.orgId(), a.title(), a.skill(), a.seats(), a.timeboxMinutes(),
                a.rubricVersion(), rubric, a.reviewersPerSubmission(), a.scoreTolerance(), a.anchor(),
                AuditionView.pay(a), AuditionView.bonus(a), a.closesAt(), now);
    }

    private Uni<Audition> owned(UUID id, Viewer viewer) {
        return auditions.findById(id).map(audition -> visibleToOwner(audition, id, viewer));
    }

    private static Audition visibleToOwner(Audition audition, UUID id, Viewer viewer) {
        if (audition == null || !(viewer.isOperator() || audition.ownedBy(viewer.orgId()))) {
            throw new NotFound("audition " + id);
        }
        return audition;
    }
}
