package dev.proofwork.portal.web;

import java.util.Set;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is looking at a page: their name, their roles (and so their menu), their org, their form token. */
@RequestScoped
public class Viewer {

    /** Most specific first: every account is also a learner (the realm's default role). */
    public static final List<String> ROLES = List.of("operator", "employer", "reviewer", "learner");

    private final SecurityIdentity identity;
    private final SecretKeySpec csrfKey;

    Viewer(SecurityIdentity identity, @ConfigProperty(name = "proofwork.portal.csrf-secret") String csrfSecret) {
        this.identity = identity;
        this.csrfKey = new SecretKeySpec(csrfSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The signed-in user's ID token: the principal of a code-flow session. */
    private Optional<JsonWebToken> idToken() {
        return signedIn() && identity.getPrincipal() instanceof JsonWebToken token ? Optional.of(token) : Optional.empty();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (!signedIn()) {
            return null;
        }
        Object preferred = idToken().map(token -> token.getClaim("preferred_username")).orElse(null);
        return preferred instanceof JsonString json ? json.getString()
                : preferred != null ? preferred.toString() : identity.getPrincipal().getName();
    }

    /** The account's id in Keycloak: what an operator registers a reviewer by. */
    public String subject() {
        return idToken().map(JsonWebToken::getSubject).orElse(signedIn() ? identity.getPrincipal().getName() : null);
    }

    public boolean is(String role) {
        return signedIn() && identity.hasRole(role);
    }

    /** What pages need of the viewer, as plain data. */
    public Who who() {
        return new Who(signedIn(), name(), signedIn() ? Set.copyOf(identity.getRoles()) : Set.of());
    }

    /** The area a user lands in: their most specific role's. */
    public Optional<String> homeArea() {
        return ROLES.stream().filter(this::is).findFirst();
    }

    public String orgId() {
        Object claim = idToken().map(token -> token.getClaim("org_id")).orElse(null);
        return claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
    }

    /**
     * The form token of this sign-in: bound to the user and their Keycloak session, so a page on another
     * site cannot forge a form post even though the browser would send the session cookie along.
     */
    public String csrfToken() {
        if (!signedIn()) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrfKey);
            // Keycloak's session id stays the same when tokens are refreshed: a form kept open through a long
            // timebox still posts; a new sign-in (a new session) makes old pages' forms stale
            String session = idToken().map(token -> token.getSubject() + ":" + claimText(token, "sid"))
                    .orElse(identity.getPrincipal().getName());
            byte[] digest = mac.doFinal(session.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String claimText(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : String.valueOf(value);
    }

    /** Refuses a form post whose token is not this sign-in's. */
    public void requireCsrf(String token) {
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new FormExpired();
        }
    }

    /** A form post without this sign-in's token: a forged post, or a page left open across sign-ins. */
    public static class FormExpired extends RuntimeException {
        FormExpired() {
            super("this form has expired or did not come from the portal; reload the page and send it again");
        }
    }
}
