package dev.proofwork.ranking.outcome;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

@Path("/api/v1/skills/{skill}/base-rates")
@RolesAllowed({ Caller.EMPLOYER, Caller.LEARNER, Caller.REVIEWER, Caller.OPERATOR })
public class BaseRatesResource {

    private final BaseRates baseRates;

    BaseRatesResource(BaseRates baseRates) {
        this.baseRates = baseRates;
    }

    @GET
    public Uni<Map<String, Object>> get(
            @PathParam("skill") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug") String skill) {
        return baseRates.of(skill).map(bands -> Map.<String, Object> of("skill", skill, "bands", bands));
    }
}
