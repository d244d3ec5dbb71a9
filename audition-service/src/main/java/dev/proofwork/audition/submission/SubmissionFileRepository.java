package dev.proofwork.audition.submission;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SubmissionFileRepository implements PanacheRepositoryBase<SubmissionFile, UUID> {
}
