package dev.proofwork.scoring.reviewer;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reviewers/{id}/quality")
@RolesAllowed(Caller.OPERATOR)
public class ReviewerQualityResource {

    private final ReviewerService reviewers;

    ReviewerQualityResource(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    @GET
    @Operation(summary = "How a reviewer scores against gold items and fares in appeals")
    public Uni<ReviewerQuality> quality(@PathParam("id") UUID id) {
        return reviewers.quality(id);
    }
}
