package dev.proofwork.audition.hire;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactRequestRepository implements PanacheRepositoryBase<ContactRequest, UUID> {

    public Uni<ContactRequest> forSubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResult();
    }

    /** The accepted requests among these submissions: the authors an employer may know by name. */
    public Uni<List<ContactRequest>> acceptedFor(Collection<UUID> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("submissionId in ?1 and status = ?2", submissionIds, ContactStatus.ACCEPTED);
    }
}
