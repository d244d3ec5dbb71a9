package dev.proofwork.audition.attempt;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auditions/{auditionId}/attempts")
public class SeatResource {

    private final AttemptService attempts;
    private final Caller caller;

    SeatResource(AttemptService attempts, Caller caller) {
        this.attempts = attempts;
        this.caller = caller;
    }

    /** Claims a seat: the attempt's clock starts now and runs for the audition's timebox. */
    @POST
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "Claim a seat; the attempt's timebox starts now")
    @APIResponse(responseCode = "201", description = "The attempt, with its deadline",
            content = @Content(schema = @Schema(implementation = AttemptView.class)))
    @APIResponse(responseCode = "409", description = "No seat left, the audition is not open, or the caller already holds one")
    public Uni<RestResponse<AttemptView>> claimSeat(@PathParam("auditionId") UUID auditionId) {
        return attempts.claimSeat(auditionId, caller.subject())
                .map(attempt -> RestResponse.ResponseBuilder
                        .<AttemptView> created(URI.create("/api/v1/attempts/" + attempt.id()))
                        .entity(AttemptView.of(attempt))
                        .build());
    }
}
