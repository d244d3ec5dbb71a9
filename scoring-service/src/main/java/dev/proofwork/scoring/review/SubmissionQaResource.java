package dev.proofwork.scoring.review;

import dev.proofwork.runtime.security.Caller;
import dev.proofwork.scoring.duplicate.DuplicateFlags;
import dev.proofwork.scoring.duplicate.FlagDecision;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/submissions/{submissionId}")
@RolesAllowed(Caller.OPERATOR)
public class SubmissionQaResource {

    private final QualityAssurance qa;
    private final DuplicateFlags flags;
    private final Caller caller;

    SubmissionQaResource(QualityAssurance qa, DuplicateFlags flags, Caller caller) {
        this.qa = qa;
        this.flags = flags;
        this.caller = caller;
    }

    @GET
    @Path("qa")
    @Operation(summary = "A submission's QA case: reviews by whom, spread, flags and decisions")
    public Uni<QaView> qa(@PathParam("submissionId") UUID submissionId) {
        return qa.caseOf(submissionId);
    }

    /** An operator agrees with a reviewer's invalid mark: the work is invalid, and a new result says so. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("invalidate")
    @Operation(summary = "Agree with a reviewer's invalid mark; a new result says the work is invalid")
    @APIResponse(responseCode = "200", description = "The QA case with the new decision")
    @APIResponse(responseCode = "409", description = "No reviewer marked it invalid")
    public Uni<QaView> invalidate(@PathParam("submissionId") UUID submissionId,
            @Valid @NotNull InvalidationRequest request) {
        return qa.confirmInvalid(submissionId, caller.subject(), request.reason());
    }

    @POST
    @Path("flags/{flagId}/resolve")
    @Operation(summary = "Decide a duplicate flag: a copy, or original work")
    @APIResponse(responseCode = "200", description = "The flag as decided")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Uni<QaView.Flag> resolve(@PathParam("submissionId") UUID submissionId, @PathParam("flagId") UUID flagId,
            @Valid @NotNull FlagDecision decision) {
        return flags.resolve(submissionId, flagId, decision.verdict(), caller.subject()).map(QaView.Flag::of);
    }
}
