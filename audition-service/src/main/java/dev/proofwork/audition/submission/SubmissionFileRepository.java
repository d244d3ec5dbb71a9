package dev.proofwork.audition.submission;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubmissionFileRepository implements PanacheRepositoryBase<SubmissionFile, UUID> {

    /** The files of these submissions without their bytes, each submission's in a stable order. */
    public Uni<List<FileSummary>> summaries(Collection<UUID> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("submissionId in ?1 order by submissionId, id", submissionIds).project(FileSummary.class).list();
    }
}
