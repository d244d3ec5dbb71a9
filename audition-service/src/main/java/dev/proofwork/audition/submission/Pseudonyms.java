package dev.proofwork.audition.submission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name an employer knows a learner by within one audition: stable there, unrelated across auditions,
 * and not reversible without the deployment's secret.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    Pseudonyms(@ConfigProperty(name = "proofwork.pseudonym.secret") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(UUID auditionId, String learnerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((auditionId + ":" + learnerId).getBytes(StandardCharsets.UTF_8));
            return "candidate-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
