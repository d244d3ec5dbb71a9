package dev.proofwork.ranking.facets;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A learner's own standing, and their chance on a task before claiming a seat. */
@Path("/api/v1")
@RolesAllowed(Caller.LEARNER)
public class LearnerRankingResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final RankingQueries rankings;
    private final Caller caller;

    LearnerRankingResource(RankingQueries rankings, Caller caller) {
        this.rankings = rankings;
        this.caller = caller;
    }

    @GET
    @Path("me/skills")
    @Operation(summary = "The caller's skills: published score, uncertainty and standing")
    public Uni<List<RankingViews.MySkill>> mine() {
        return rankings.mine(caller.subject());
    }

    /** Why the score moved: each review or refit with its effect, and the decay ahead (the portal's chart). */
    @GET
    @Path("me/skills/{skill}/history")
    @Operation(summary = "Why the caller's score moved: each review or refit with its effect, and the decay ahead")
    public Uni<RankingViews.SkillHistory> history(
            @PathParam("skill") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug") String skill) {
        return rankings.history(caller.subject(), skill);
    }

    /** The fits of a page of the open list (50 ids still fit in a URL); auditions not open are left out. */
    @GET
    @Path("me/fits")
    @Operation(summary = "The caller's fit for up to 50 open auditions")
    public Uni<List<RankingViews.AuditionFit>> fits(
            @QueryParam("auditionId") @NotEmpty @Size(max = 50)
            List<@Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String> auditionId) {
        // named as the query parameter and read as text, so a refusal is a 400 naming what the client sent
        return rankings.fits(auditionId.stream().map(UUID::fromString).toList(), caller.subject());
    }

    @GET
    @Path("auditions/{auditionId}/fit")
    @Operation(summary = "The caller's fit for one audition")
    public Uni<RankingViews.Fit> fit(@PathParam("auditionId") UUID auditionId) {
        return rankings.fit(auditionId, caller.subject());
    }
}
