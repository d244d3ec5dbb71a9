package dev.proofwork.scoring.review;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/reviews")
@RolesAllowed(Caller.REVIEWER)
public class ReviewResource {

    private final ReviewService reviews;
    private final Caller caller;

    ReviewResource(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @GET
    @Path("queue")
    @Operation(summary = "The caller's open reviews, blind: no author, no arrival order")
    public Uni<List<QueueItem>> queue() {
        return reviews.queue(caller.subject(), caller.claimedOrgId());
    }

    @POST
    @Path("{taskId}/release")
    @Operation(summary = "Give a review task back; someone else takes it")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "409", description = "Already submitted")
    public Uni<RestResponse<Void>> release(@PathParam("taskId") UUID taskId) {
        return reviews.release(caller.subject(), taskId).map(done -> RestResponse.noContent());
    }

    @POST
    @Path("{taskId}")
    @Operation(summary = "Score the work per criterion, or mark it invalid with a reason")
    @APIResponse(responseCode = "200", description = "The review as recorded")
    @APIResponse(responseCode = "409", description = "Already submitted, or the task is an appeal")
    public Uni<ReviewOutcome> submit(@PathParam("taskId") UUID taskId, @Valid @NotNull ReviewRequest request) {
        return reviews.submit(caller.subject(), caller.claimedOrgId(), taskId, request).map(ReviewOutcome::of);
    }
}
