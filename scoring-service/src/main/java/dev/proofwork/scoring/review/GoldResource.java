package dev.proofwork.scoring.review;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Gold items are mixed into reviewers' queues to measure their accuracy and severity; they never reach learners' results. */
@Path("/api/v1/auditions/{auditionId}/gold")
@RolesAllowed(Caller.OPERATOR)
public class GoldResource {

    private final GoldService gold;

    GoldResource(GoldService gold) {
        this.gold = gold;
    }

    /** A gold item as stored: its id and the score a good reviewer gives it. */
    public record GoldView(UUID goldId, double expectedScore) {
    }

    @POST
    @Operation(summary = "Add a gold item: work with a known score that calibrates reviewers")
    @APIResponse(responseCode = "201", description = "Stored; it is mixed into reviewers' queues",
            content = @Content(schema = @Schema(implementation = GoldView.class)))
    public Uni<RestResponse<GoldView>> register(@PathParam("auditionId") UUID auditionId,
            @Valid @NotNull GoldRequest request) {
        return gold.register(auditionId, request).map(stored -> RestResponse.status(RestResponse.Status.CREATED,
                new GoldView(stored.id(), stored.expectedScore())));
    }
}
