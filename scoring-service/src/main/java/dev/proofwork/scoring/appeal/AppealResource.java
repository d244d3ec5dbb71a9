package dev.proofwork.scoring.appeal;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
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
    public Uni<LearnerSubmissionView> mine(@PathParam("submissionId") UUID submissionId) {
        return appeals.view(caller.subject(), submissionId);
    }

    @POST
    @Path("me/submissions/{submissionId}/appeal")
    @RolesAllowed(Caller.LEARNER)
    public Uni<RestResponse<AppealFiled>> appeal(@PathParam("submissionId") UUID submissionId,
            @Valid @NotNull AppealRequest request) {
        return appeals.appeal(caller.subject(), submissionId, request)
                .map(appeal -> RestResponse.status(RestResponse.Status.CREATED,
                        new AppealFiled(submissionId, appeal.status())));
    }

    @POST
    @Path("appeals/{taskId}/decision")
    @RolesAllowed(Caller.REVIEWER)
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
