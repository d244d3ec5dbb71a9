package dev.proofwork.ranking.facets;

import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/rankings")
public class RankingResource {

    private final RankingQueries rankings;
    private final Caller caller;

    RankingResource(RankingQueries rankings, Caller caller) {
        this.rankings = rankings;
        this.caller = caller;
    }

    @GET
    @Path("auditions/{auditionId}")
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "An audition's cohort ranked, comparable across cohorts where they are linked, paged")
    public Uni<Page<RankingViews.CohortEntry>> cohort(@PathParam("auditionId") UUID auditionId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return rankings.cohort(auditionId, caller.isOperator() ? null : caller.orgId(), page, size);
    }

    @GET
    @Path("reviewers/{reviewerId}")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "How the ranking model sees a reviewer per skill: severity, noise, and whether erratic")
    public Uni<List<RankingViews.ReviewerModel>> reviewer(
            @PathParam("reviewerId") @Size(max = 200, message = "must be at most 200 characters") String reviewerId) {
        return rankings.reviewer(reviewerId);
    }

    @GET
    @Path("skills/{skill}")
    @RolesAllowed({ Caller.EMPLOYER, Caller.LEARNER, Caller.REVIEWER, Caller.OPERATOR })
    @Operation(summary = "A skill's leaderboard, paged: the learners of its largest linked population, never an island")
    public Uni<Page<RankingViews.LeaderboardEntry>> skill(
            @PathParam("skill") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug") String skill,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return rankings.skill(skill, page, size);
    }
}
