package dev.proofwork.audition.hire;

import dev.proofwork.audition.listing.Viewer;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** An employer's side of contact requests: ask the author of scored work, and follow the answers. */
@Path("/api/v1/auditions/{auditionId}/contact-requests")
public class ContactRequestResource {

    private final ContactService contacts;
    private final Caller caller;

    ContactRequestResource(ContactService contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Caller.EMPLOYER)
    @Operation(summary = "Ask the pseudonymous author of scored, valid work for contact")
    @APIResponse(responseCode = "201", description = "Asked; the candidate accepts or declines",
            content = @Content(schema = @Schema(implementation = ContactRequestViews.ForEmployer.class)))
    @APIResponse(responseCode = "409", description = "Not a scored candidate, or already asked")
    public Uni<RestResponse<ContactRequestViews.ForEmployer>> request(@PathParam("auditionId") UUID auditionId,
            @Valid @NotNull ContactRequestInput input) {
        return contacts.request(auditionId, Viewer.of(caller), input)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, view));
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "An audition's contact requests; a candidate's id shows once they accepted")
    public Uni<List<ContactRequestViews.ForEmployer>> forAudition(@PathParam("auditionId") UUID auditionId) {
        return contacts.forAudition(auditionId, Viewer.of(caller));
    }
}
