package dev.proofwork.ranking.outcome;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Published for everyone, signed in or not: how often each score band of a skill led to a hire. */
@Path("/api/v1/skills/{skill}/base-rates")
@PermitAll
public class BaseRatesResource {

    public record BaseRatesView(String skill, List<BaseRates.Band> bands) {
    }

    private final BaseRates baseRates;

    BaseRatesResource(BaseRates baseRates) {
        this.baseRates = baseRates;
    }

    @GET
    @Operation(summary = "How often learners at each score were hired, per skill")
    public Uni<BaseRatesView> get(
            @PathParam("skill") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug") String skill) {
        return baseRates.of(skill).map(bands -> new BaseRatesView(skill, bands));
    }
}
