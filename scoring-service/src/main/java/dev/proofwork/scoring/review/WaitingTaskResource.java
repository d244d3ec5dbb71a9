package dev.proofwork.scoring.review;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/review-tasks/waiting")
@RolesAllowed(Caller.OPERATOR)
public class WaitingTaskResource {

    private final ReviewService reviews;

    WaitingTaskResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Operation(summary = "Review tasks no eligible reviewer could take: register or free a reviewer for them")
    public Uni<List<WaitingTask>> waiting() {
        return reviews.waiting();
    }
}
