package dev.proofwork.audition.hire;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A learner's side of contact requests: who asks, and the answer that decides whether they learn who it is. */
@Path("/api/v1/me/contact-requests")
@RolesAllowed(Caller.LEARNER)
public class MyContactRequestResource {

    private final ContactService contacts;
    private final Caller caller;

    MyContactRequestResource(ContactService contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Employers asking the caller for contact, newest first")
    public Uni<List<ContactRequestViews.ForLearner>> mine() {
        return contacts.mine(caller.subject());
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Let the employer know who the caller is")
    public Uni<ContactRequestViews.ForLearner> accept(@PathParam("id") UUID id) {
        return contacts.answer(id, caller.subject(), true);
    }

    @POST
    @Path("{id}/decline")
    @Operation(summary = "Stay anonymous to this employer; final")
    public Uni<ContactRequestViews.ForLearner> decline(@PathParam("id") UUID id) {
        return contacts.answer(id, caller.subject(), false);
    }
}
