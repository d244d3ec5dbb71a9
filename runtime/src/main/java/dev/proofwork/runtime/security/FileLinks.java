package dev.proofwork.runtime.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived signed links to one submitted file. scoring-service signs one for each file of a task it has
 * assigned; audition-service, which holds the bytes, serves the file to whoever presents an unexpired link
 * it can verify. Neither reads the other's tables, and the link names the file only as its deliverable label.
 */
@ApplicationScoped
public class FileLinks {

    /** What a verified link grants: one file, under its label, until it expires. */
    public record Grant(UUID fileId, String label, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration ttl;

    FileLinks(@ConfigProperty(name = "proofwork.files.link-secret") String secret,
            @ConfigProperty(name = "proofwork.files.link-ttl") Duration ttl) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.ttl = ttl;
    }

    public String token(UUID fileId, String label, Instant now) {
        String payload = fileId + "|" + now.plus(ttl).getEpochSecond() + "|" + label;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(sign(bytes));
    }

    /** The grant of a link signed here; empty when forged, malformed or expired. */
    public Optional<Grant> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            if (!MessageDigest.isEqual(sign(payload), DECODE.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 3);
            Grant grant = new Grant(UUID.fromString(parts[0]), parts[2], Instant.ofEpochSecond(Long.parseLong(parts[1])));
            return grant.expiresAt().isAfter(now) ? Optional.of(grant) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
