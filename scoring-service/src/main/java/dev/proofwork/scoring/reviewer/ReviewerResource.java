package dev.proofwork.scoring.reviewer;

import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/reviewers")
@RolesAllowed(Caller.OPERATOR)
public class ReviewerResource {

    private final ReviewerService reviewers;

    ReviewerResource(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    @POST
    @Operation(summary = "Register a reviewer for skills, with affiliations and a capacity")
    @APIResponse(responseCode = "201", description = "Registered; they take pooled tasks at once",
            content = @Content(schema = @Schema(implementation = ReviewerView.class)))
    @APIResponse(responseCode = "409", description = "A reviewer with this subject exists")
    public Uni<RestResponse<ReviewerView>> register(@Valid @NotNull ReviewerRequest request) {
        return reviewers.register(request)
                .map(reviewer -> RestResponse.status(RestResponse.Status.CREATED, ReviewerView.of(reviewer)));
    }

    @GET
    @Operation(summary = "Reviewers, oldest first")
    public Uni<Page<ReviewerView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reviewers.list(page, size).map(found -> found.map(ReviewerView::of));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a reviewer; their open tasks go to others")
    public Uni<ReviewerView> deactivate(@PathParam("id") UUID id) {
        return reviewers.deactivate(id).map(ReviewerView::of);
    }
}
