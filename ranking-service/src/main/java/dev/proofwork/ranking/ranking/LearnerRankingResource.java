package dev.proofwork.ranking.ranking;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** A learner's own standing, and their chance on a task before claiming a seat. */
@Path("/api/v1")
@RolesAllowed(Caller.LEARNER)
public class LearnerRankingResource {

    private final RankingQueries rankings;
    private final Caller caller;

    LearnerRankingResource(RankingQueries rankings, Caller caller) {
        this.rankings = rankings;
        this.caller = caller;
    }

    @GET
    @Path("me/skills")
    public Uni<List<RankingViews.MySkill>> mine() {
        return rankings.mine(caller.subject());
    }

    @GET
    @Path("auditions/{auditionId}/fit")
    public Uni<RankingViews.Fit> fit(@PathParam("auditionId") UUID auditionId) {
        return rankings.fit(auditionId, caller.subject());
    }
}
