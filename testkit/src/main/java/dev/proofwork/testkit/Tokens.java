package dev.proofwork.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens shaped like Keycloak's: roles under {@code realm_access.roles}, the subject as
 * the user id, and {@code org_id} for employers. They are signed with the key whose public half the
 * test OIDC server publishes, so the service verifies them exactly as it verifies Keycloak's.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "proofwork-api";
    private static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String employer(String subject, String orgId) {
        return claims(subject, "employer").claim("org_id", orgId).jws().keyId("1").sign(SIGNING_KEY);
    }

    /** An employer whose account also has the learner role, as every account of the realm does by default. */
    public static String employerWhoIsAlsoLearner(String subject, String orgId) {
        return claims(subject, "employer", "learner").claim("org_id", orgId).jws().keyId("1").sign(SIGNING_KEY);
    }

    public static String learner(String subject) {
        return token(subject, "learner");
    }

    public static String reviewer(String subject) {
        return token(subject, "reviewer");
    }

    /** A reviewer whose account also belongs to an employer organisation. */
    public static String reviewer(String subject, String orgId) {
        return claims(subject, "reviewer").claim("org_id", orgId).jws().keyId("1").sign(SIGNING_KEY);
    }

    public static String operator(String subject) {
        return token(subject, "operator");
    }

    /** A token with the given realm roles and no org: e.g. an employer account missing its org claim. */
    public static String withRoles(String subject, String... roles) {
        return claims(subject, roles).jws().keyId("1").sign(SIGNING_KEY);
    }

    private static String token(String subject, String role) {
        return claims(subject, role).jws().keyId("1").sign(SIGNING_KEY);
    }

    private static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(Duration.ofHours(1));
    }
}
