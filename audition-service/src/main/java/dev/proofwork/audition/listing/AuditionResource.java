package dev.proofwork.audition.listing;

import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Draft an audition: the task, rubric, timebox, pay and seats")
    @APIResponse(responseCode = "201", description = "Drafted; an operator scopes it before it can be published",
            content = @Content(schema = @Schema(implementation = AuditionView.class)))
    public Uni<RestResponse<AuditionView>> draft(@Valid @NotNull AuditionSpec spec) {
        return auditions.draft(caller.orgId(), caller.subject(), spec)
                .map(audition -> RestResponse.ResponseBuilder
                        .<AuditionView> created(URI.create("/api/v1/auditions/" + audition.id()))
                        .entity(AuditionView.of(audition))
                        .build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Caller.EMPLOYER)
    @Operation(summary = "Change a draft before it goes for scoping")
    @APIResponse(responseCode = "200", description = "The changed draft")
    @APIResponse(responseCode = "409", description = "Only a draft can be changed")
    public Uni<AuditionView> edit(@PathParam("id") UUID id, @Valid @NotNull AuditionSpec spec) {
        return auditions.edit(id, Viewer.of(caller), spec).map(AuditionView::of);
    }

    @POST
    @Path("{id}/submit-for-scoping")
    @RolesAllowed(Caller.EMPLOYER)
    @Operation(summary = "Ask an operator to check the draft is scoped like day-one work")
    @APIResponse(responseCode = "200", description = "The audition, waiting for scoping")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public Uni<AuditionView> submitForScoping(@PathParam("id") UUID id) {
        return auditions.submitForScoping(id, Viewer.of(caller)).map(AuditionView::of);
    }

    @POST
    @Path("{id}/scope-approval")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Approve the scope, or send the draft back with reasons")
    @APIResponse(responseCode = "200", description = "The audition, approved or back in draft")
    @APIResponse(responseCode = "409", description = "Not waiting for scoping")
    public Uni<AuditionView> decideScope(@PathParam("id") UUID id, @Valid @NotNull ScopeDecision decision) {
        return auditions.decideScope(id, Viewer.of(caller), decision).map(AuditionView::of);
    }

    /** 202: the audition waits for its escrow and opens when payout-service has funded it. */
    @POST
    @Path("{id}/publish")
    @RolesAllowed(Caller.EMPLOYER)
    @Operation(summary = "Publish an approved audition; it opens once its escrow is funded")
    @APIResponse(responseCode = "202", description = "Waiting for the escrow; the audition opens when payout-service has funded it",
            content = @Content(schema = @Schema(implementation = AuditionView.class)))
    @APIResponse(responseCode = "409", description = "Not approved, or already published")
    public Uni<RestResponse<AuditionView>> publish(@PathParam("id") UUID id) {
        return auditions.publish(id, Viewer.of(caller)).map(audition -> RestResponse.accepted(AuditionView.of(audition)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "Close an open audition: no new seats, work in progress may still be submitted")
    @APIResponse(responseCode = "200", description = "The closed audition")
    @APIResponse(responseCode = "409", description = "Not open")
    public Uni<AuditionView> close(@PathParam("id") UUID id) {
        return auditions.close(id, Viewer.of(caller)).map(AuditionView::of);
    }

    /** Learners get the public view of open and closed auditions; employers and operators the whole audition. */
    @GET
    @Path("{id}")
    @RolesAllowed({ Caller.EMPLOYER, Caller.LEARNER, Caller.OPERATOR })
    @Operation(summary = "One audition: the public view for learners, the whole audition for its employer and operators")
    public Uni<AuditionRead> get(@PathParam("id") UUID id) {
        Viewer viewer = Viewer.of(caller);
        return auditions.find(id, viewer).map(audition -> view(viewer, audition));
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.LEARNER, Caller.OPERATOR })
    @Operation(summary = "Auditions, paged; learners see open and closed ones, employers their own")
    public Uni<Page<AuditionRead>> list(@QueryParam("status") String status,
            @QueryParam("skill") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug")
            String skill,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Viewer viewer = Viewer.of(caller);
        return auditions.list(viewer, parseStatus(status), skill, page, size)
                .map(found -> found.map(audition -> view(viewer, audition)));
    }

    private static AuditionRead view(Viewer viewer, Audition audition) {
        return viewer.isLearner() ? PublicAuditionView.of(audition) : AuditionView.of(audition);
    }

    private static AuditionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AuditionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            List<String> known = Arrays.stream(AuditionStatus.values()).map(Enum::name).toList();
            throw new InvalidInput("status", "must be one of " + String.join(", ", known));
        }
    }
}
