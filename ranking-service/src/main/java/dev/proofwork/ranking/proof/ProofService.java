package dev.proofwork.ranking.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofwork.ranking.facets.FacetId;
import dev.proofwork.ranking.facets.FacetKind;
import dev.proofwork.ranking.facets.FacetRepository;
import dev.proofwork.ranking.facets.RankingQueries;
import dev.proofwork.ranking.facets.RankingViews;
import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.domain.DomainException.Refused;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Issues portable proofs of skill: a compact JWS (ES256) whose payload is a W3C Verifiable Credential of
 * type OpenBadgeCredential, verifiable by anyone with the public JWKS alone.
 */
@ApplicationScoped
public class ProofService {

    public enum Status {
        VALID,
        EXPIRED,
        BAD_SIGNATURE,
        REVOKED
    }

    public record Issued(UUID proofId, String credential, Instant validUntil) {
    }

    public record Verification(Status status, UUID proofId, String skill, Integer score, Instant validUntil) {
    }

    private final FacetRepository facets;
    private final RankingQueries rankings;
    private final ProofRepositories.SigningKeys keys;
    private final ProofRepositories.Proofs proofs;
    private final ObjectMapper json;
    private final Clock clock;
    private final String issuer;

    ProofService(FacetRepository facets, RankingQueries rankings, ProofRepositories.SigningKeys keys,
            ProofRepositories.Proofs proofs, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "proofwork.proofs.issuer") String issuer) {
        this.facets = facets;
        this.rankings = rankings;
        this.keys = keys;
        this.proofs = proofs;
        this.json = json;
        this.clock = clock;
        this.issuer = issuer;
    }

    @WithTransaction
    public Uni<Issued> mint(String learnerId, String skill) {
        Instant now = clock.instant();
        return facets.findById(new FacetId(skill, FacetKind.LEARNER, learnerId))
                .onItem().ifNull().failWith(() -> RankingQueries.noWorkIn(skill))
                .chain(facet -> rankings.mySkill(facet, now))
                .chain(standing -> {
                    if (!standing.proofValidUntil().isAfter(now)) {
                        throw new Refused("below-threshold", "Not enough evidence for a proof",
                                "your current " + skill + " score of " + standing.score()
                                        + " is under the threshold a proof needs; new reviewed work raises it")
                                .with("score", standing.score());
                    }
                    return activeKey(now).chain(key -> {
                        Proof proof = new Proof(learnerId, skill, key.kid(), now, standing.proofValidUntil());
                        return proofs.persist(proof).map(stored -> new Issued(proof.id(),
                                sign(key, credential(proof.id(), learnerId, standing, now)), standing.proofValidUntil()));
                    });
                });
    }

    /** A JSON Web Key Set (RFC 7517); each key is kept as the JWK text it was published as. */
    public record Jwks(List<Map<String, Object>> keys) {
    }

    @WithSession
    @SuppressWarnings("unchecked")
    public Uni<Jwks> jwks() {
        return keys.listAll().map(all -> new Jwks(all.stream().map(key -> {
            try {
                return (Map<String, Object>) json.readValue(key.publicJwk(), Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JWK " + key.kid() + " is unreadable", e);
            }
        }).toList()));
    }

    @WithSession
    public Uni<Verification> verify(String token) {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            jws.setCompactSerialization(token);
        } catch (JoseException e) {
            throw new InvalidInput("credential", "is not a compact JWS");
        }
        String kid = jws.getKeyIdHeaderValue();
        return (kid == null ? Uni.createFrom().<SigningKey> nullItem() : keys.findById(kid)).chain(key -> {
            if (key == null || !signatureHolds(jws, key)) {
                return Uni.createFrom().item(new Verification(Status.BAD_SIGNATURE, null, null, null, null));
            }
            JsonNode claims = payload(jws);
            UUID proofId = UUID.fromString(claims.path("jti").asText());
            Instant validUntil = Instant.ofEpochSecond(claims.path("exp").asLong());
            JsonNode subject = claims.path("vc").path("credentialSubject");
            String skill = subject.path("achievement").path("name").asText();
            int score = subject.path("proofwork").path("score").asInt();
            return proofs.findById(proofId).map(proof -> {
                Status status = proof == null || proof.revoked() ? Status.REVOKED
                        : clock.instant().isAfter(validUntil) ? Status.EXPIRED : Status.VALID;
                return new Verification(status, proofId, skill, score, validUntil);
            });
        });
    }

    /** New proofs are signed with a fresh key; the old one stays in the JWKS for the proofs it signed. */
    @WithTransaction
    public Uni<String> rotate() {
        Instant now = clock.instant();
        return keys.list("retiredAt is null").invoke(active -> active.forEach(key -> key.retire(now)))
                .chain(() -> keys.persist(SigningKey.generate(now))).map(SigningKey::kid);
    }

    @WithTransaction
    public Uni<Void> revoke(UUID proofId, String learnerId) {
        return proofs.findById(proofId).invoke(proof -> {
            if (proof == null || (learnerId != null && !proof.learnerId().equals(learnerId))) {
                throw new NotFound("proof " + proofId);
            }
            proof.revoke(clock.instant());
        }).replaceWithVoid();
    }

    private Uni<SigningKey> activeKey(Instant now) {
        return keys.find("retiredAt is null").firstResult()
                .chain(key -> key != null ? Uni.createFrom().item(key) : keys.persist(SigningKey.generate(now)));
    }

    /** The W3C VC data model 2.0 / Open Badges 3.0 shape, as JWT claims. */
    private Map<String, Object> credential(UUID proofId, String learnerId, RankingViews.MySkill standing, Instant now) {
        Map<String, Object> achievement = Map.of(
                "id", "urn:proofwork:achievement:" + standing.skill(),
                "type", List.of("Achievement"),
                "name", standing.skill(),
                "criteria", Map.of("narrative", "Paid, timeboxed work reviewed blind by calibrated reviewers, "
                        + "ranked with a facets model comparable across cohorts; the score is mu - 2 sigma on 0..1000."));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:proofwork:learner:" + learnerId);
        subject.put("type", List.of("AchievementSubject"));
        subject.put("achievement", achievement);
        subject.put("result", List.of(Map.of("type", List.of("Result"), "value", Integer.toString(standing.score()))));
        subject.put("proofwork", Map.of("score", standing.score(), "percentile", standing.percentile(),
                "sigma", standing.sigma(), "evidenceCount", standing.evidence(), "comparable", standing.comparable()));
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", "urn:uuid:" + proofId);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", issuer, "type", List.of("Profile"), "name", "Proofwork"));
        vc.put("validFrom", now.toString());
        vc.put("validUntil", standing.proofValidUntil().toString());
        vc.put("credentialSubject", subject);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", learnerId);
        claims.put("jti", proofId.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", standing.proofValidUntil().getEpochSecond());
        claims.put("vc", vc);
        return claims;
    }

    private String sign(SigningKey key, Map<String, Object> claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(json.writeValueAsString(claims));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setKeyIdHeaderValue(key.kid());
            jws.setHeader("typ", "vc+jwt");
            jws.setKey(key.privateKey());
            return jws.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign a proof", e);
        }
    }

    private static boolean signatureHolds(JsonWebSignature jws, SigningKey key) {
        try {
            jws.setKey(PublicJsonWebKey.Factory.newPublicJwk(key.publicJwk()).getPublicKey());
            return jws.verifySignature();
        } catch (JoseException e) {
            return false;
        }
    }

    private JsonNode payload(JsonWebSignature jws) {
        try {
            return json.readTree(jws.getPayload());
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException("a verified proof has an unreadable payload", e);
        }
    }
}
