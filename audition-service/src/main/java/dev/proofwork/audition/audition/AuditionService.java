package dev.proofwork.audition.audition;

import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class AuditionService {

    private final AuditionRepository auditions;
    private final Outbox outbox;
    private final Clock clock;

    AuditionService(AuditionRepository auditions, Outbox outbox, Clock clock) {
        this.auditions = auditions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the draft and its drafted event in one transaction: both exist, or neither. */
    @WithTransaction
    public Uni<Audition> draft(String orgId, String employer, DraftAuditionRequest request) {
        Audition audition = Audition.draft(orgId, employer, request.title().strip(), request.skill(), clock.instant());
        return auditions.persist(audition)
                .chain(() -> outbox.add(new AuditionDrafted(audition.id(), orgId, audition.title(), audition.skill(),
                        audition.createdAt())))
                .replaceWith(audition);
    }

    /**
     * @param orgId the caller's organisation, or null for an operator who may see every audition.
     *              Another organisation's audition is reported missing, so its existence does not leak.
     */
    @WithSession
    public Uni<Audition> find(UUID id, String orgId) {
        return auditions.findById(id)
                .map(audition -> audition != null && (orgId == null || orgId.equals(audition.orgId())) ? audition : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("audition " + id));
    }
}
