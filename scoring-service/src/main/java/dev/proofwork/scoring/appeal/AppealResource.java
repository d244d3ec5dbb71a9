package dev.proofwork.scoring.appeal;

import dev.proofwork.runtime.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
public class AppealResource {

    private final AppealService appeals;
    private final Caller caller;

    AppealResource(AppealService appeals, Caller caller) {
        this.appeals = appeals;
        this.caller = caller;
    }

    @GET
    @Path("me/submissions/{submissionId}")
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "The caller's result: each review's scores and comments, decisions, and any appeal")
    public Uni<LearnerSubmissionView> mine(@PathParam("submissionId") UUID submissionId) {
        return appeals.view(caller.subject(), submissionId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("me/submissions/{submissionId}/appeal")
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "Appeal the score once, within the appeal window")
    @APIResponse(responseCode = "201", description = "Filed; a reviewer new to the work decides it",
            content = @Content(schema = @Schema(implementation = AppealFiled.class)))
    @APIResponse(responseCode = "409", description = "Not scored yet, the window has closed, or already appealed")
    public Uni<RestResponse<AppealFiled>> appeal(@PathParam("submissionId") UUID submissionId,
            @Valid @NotNull AppealRequest request) {
        return appeals.appeal(caller.subject(), submissionId, request)
                .map(appeal -> RestResponse.status(RestResponse.Status.CREATED,
                        new AppealFiled(submissionId, appeal.status())));
    }

    @POST
    @Path("appeals/{taskId}/decision")
    @RolesAllowed(Caller.REVIEWER)
    @Operation(summary = "Uphold the score, or revise it with new scores")
    @APIResponse(responseCode = "200", description = "The outcome, for the deciding reviewer")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Uni<AppealDecided> decide(@PathParam("taskId") UUID taskId, @Valid @NotNull AppealDecision decision) {
        return appeals.decide(caller.subject(), taskId, decision)
                .map(appeal -> new AppealDecided(taskId, appeal.status()));
    }

    /** The learner's own appeal, as filed. */
    public record AppealFiled(UUID submissionId, Appeal.Status status) {
    }

    /** The deciding reviewer's receipt: their task and the outcome, nothing that names the submission. */
    public record AppealDecided(UUID taskId, Appeal.Status status) {
    }
}
