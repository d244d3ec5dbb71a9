package dev.proofwork.runtime.deadletter;

import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Every service's dead letters, for operators: what its consumers gave up on, and replay. */
@Path("/api/v1/dead-letters")
@RolesAllowed(Caller.OPERATOR)
public class DeadLetterResource {

    public record Replayed(String consumer, int replayed) {
    }

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Records this service's consumers gave up on, newest first, with the reason")
    public Uni<Page<DeadLetterView>> list(@QueryParam("consumer") @Size(max = 100) String consumer,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return deadLetters.page(consumer, page, size);
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Publish the event again to the topic it came from; consumers that applied it skip it")
    @APIResponse(responseCode = "200", description = "The dead letter, marked replayed")
    @APIResponse(responseCode = "409", description = "The record could not be decoded, so it cannot be replayed")
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(id);
    }

    @POST
    @Path("replay")
    @Operation(summary = "Replay every dead letter of one consumer that was not replayed yet")
    public Uni<Replayed> replayAll(@QueryParam("consumer") @NotBlank @Size(max = 100) String consumer) {
        return deadLetters.replayAll(consumer).map(count -> new Replayed(consumer, count));
    }
}
