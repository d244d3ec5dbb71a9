package dev.proofwork.audition.audition;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/auditions")
public class AuditionResource {

    private final AuditionService auditions;
    private final Caller caller;

    AuditionResource(AuditionService auditions, Caller caller) {
        this.auditions = auditions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Caller.EMPLOYER)
    public Uni<RestResponse<AuditionView>> draft(@Valid @NotNull DraftAuditionRequest request) {
        return auditions.draft(caller.orgId(), caller.subject(), request)
                .map(audition -> RestResponse.ResponseBuilder
                        .<AuditionView> created(URI.create("/api/v1/auditions/" + audition.id()))
                        .entity(AuditionView.of(audition))
                        .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    public Uni<AuditionView> get(@PathParam("id") UUID id) {
        return auditions.find(id, caller.isOperator() ? null : caller.orgId()).map(AuditionView::of);
    }
}
