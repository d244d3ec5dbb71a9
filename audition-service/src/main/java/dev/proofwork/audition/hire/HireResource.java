package dev.proofwork.audition.hire;

import dev.proofwork.audition.listing.Viewer;
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

@Path("/api/v1/auditions/{auditionId}/hires")
public class HireResource {

    private final HireService hires;
    private final Caller caller;

    HireResource(HireService hires, Caller caller) {
        this.hires = hires;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Caller.EMPLOYER)
    @Operation(summary = "Report the hire of a candidate who accepted contact")
    @APIResponse(responseCode = "201", description = "Recorded; ranking turns hires into base rates",
            content = @Content(schema = @Schema(implementation = HireView.class)))
    @APIResponse(responseCode = "409", description = "The candidate has not accepted contact, or the hire is already reported")
    public Uni<RestResponse<HireView>> report(@PathParam("auditionId") UUID auditionId,
            @Valid @NotNull HireRequest request) {
        return hires.report(auditionId, Viewer.of(caller), request)
                .map(hire -> RestResponse.status(RestResponse.Status.CREATED, HireView.of(hire)));
    }
}
