package dev.proofwork.runtime.security;

import dev.proofwork.runtime.domain.DomainException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, read from the verified access token. */
@RequestScoped
public class Caller {

    public static final String EMPLOYER = "employer";
    public static final String LEARNER = "learner";
    public static final String REVIEWER = "reviewer";
    public static final String OPERATOR = "operator";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The user id Keycloak issues, stable across sessions. */
    public String subject() {
        return token.getSubject();
    }

    /** The employer's organisation; an employer account without one may do nothing. */
    public String orgId() {
        return claimedOrgId().orElseThrow(() -> new DomainException.NotAllowed("forbidden", "Forbidden",
                "the token carries no org_id: this account belongs to no employer organisation"));
    }

    /** The organisation the account belongs to, if any: also a reviewer may work for an employer. */
    public Optional<String> claimedOrgId() {
        Object claim = token.getClaim("org_id");
        String orgId = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return orgId == null || orgId.isBlank() ? Optional.empty() : Optional.of(orgId);
    }

    public boolean isOperator() {
        return identity.hasRole(OPERATOR);
    }

    public boolean isEmployer() {
        return identity.hasRole(EMPLOYER);
    }

    public boolean isLearner() {
        return identity.hasRole(LEARNER);
    }
}
