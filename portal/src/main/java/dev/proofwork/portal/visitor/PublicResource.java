package dev.proofwork.portal.visitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofwork.portal.backend.Backend;
import dev.proofwork.portal.backend.Service;
import dev.proofwork.portal.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** What anyone may open without an account: checking a proof, and how scores relate to hiring. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicResource {

    private final Backend backend;
    private final Pages pages;
    private final ObjectMapper json;
    private final Template verify;
    private final Template skills;

    PublicResource(Backend backend, Pages pages, ObjectMapper json, @Location("verify.html") Template verify,
            @Location("skills.html") Template skills) {
        this.backend = backend;
        this.json = json;
        this.pages = pages;
        this.verify = verify;
        this.skills = skills;
    }

    /** A shared link carries the credential in {@code ?credential=}; otherwise a form to paste one. */
    @GET
    @Path("verify")
    public TemplateInstance verifyPage(@QueryParam("credential") String credential) {
        return credential == null || credential.isBlank() ? pages.render(verify) : verified(credential.strip());
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance verifyPasted(@RestForm String credential) {
        return credential == null || credential.isBlank()
                ? pages.render(verify).data("errors", Map.of("credential", "paste the credential you were given"))
                : verified(credential.strip());
    }

    private TemplateInstance verified(String credential) {
        JsonNode result = backend.post(Service.RANKING, "/api/v1/proofs/verify", Map.of("credential", credential));
        return pages.render(verify).data("credential", credential).data("result", pages.map(result))
                .data("badge", pages.map(badgeOf(credential)));
    }

    /** The credential's claims as they read, whatever the verdict: the verdict says whether to trust them. */
    private JsonNode badgeOf(String credential) {
        String[] parts = credential.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return json.readTree(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException unreadable) {
            return null;
        }
    }

    @GET
    @Path("skills")
    public TemplateInstance chooseSkill(@QueryParam("skill") String skill) {
        if (skill == null || skill.isBlank()) {
            return pages.render(skills);
        }
        return baseRates(skill.strip().toLowerCase());
    }

    @GET
    @Path("skills/{skill}")
    public TemplateInstance baseRates(@PathParam("skill") String skill) {
        JsonNode rates = backend.get(Service.RANKING, "/api/v1/skills/" + skill + "/base-rates");
        return pages.render(skills).data("skill", skill).data("bands", pages.map(rates).get("bands"));
    }
}
