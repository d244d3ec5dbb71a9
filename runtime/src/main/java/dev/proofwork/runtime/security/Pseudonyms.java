package dev.proofwork.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name a learner is shown under where others see them: stable within one scope (an audition, a skill's
 * leaderboard), unrelated across scopes, and not reversible without the deployment's secret. Every service
 * derives the same name from the same secret, so an employer recognises a candidate across services.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    Pseudonyms(@ConfigProperty(name = "proofwork.pseudonym.secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(UUID auditionId, String learnerId) {
        return "candidate-" + digest(auditionId.toString(), learnerId);
    }

    /** A leaderboard handle, stable per skill. */
    public String handle(String skill, String learnerId) {
        return "learner-" + digest(skill, learnerId);
    }

    private String digest(String scope, String learnerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((scope + ":" + learnerId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
