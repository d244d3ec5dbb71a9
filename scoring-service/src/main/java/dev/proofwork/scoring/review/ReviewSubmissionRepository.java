package dev.proofwork.scoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReviewSubmissionRepository implements PanacheRepositoryBase<ReviewSubmission, UUID> {
}
