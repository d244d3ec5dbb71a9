package dev.proofwork.ranking.proof;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A P-256 key that signs proofs (ES256). Its private half is stored in this service's database; a
 * deployment that needs more should move signing behind a KMS, which the JWKS and verification do not see.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    private String kid;
    private byte[] privateKey;
    private String publicJwk;
    private Instant createdAt;
    private Instant retiredAt;

    protected SigningKey() {
    }

    static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            EllipticCurveJsonWebKey jwk = (EllipticCurveJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm("ES256");
            jwk.setUse("sig");
            SigningKey key = new SigningKey();
            key.kid = jwk.getKeyId();
            key.privateKey = pair.getPrivate().getEncoded();
            key.publicJwk = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            key.createdAt = now;
            return key;
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("cannot generate a P-256 signing key", e);
        }
    }

    void retire(Instant now) {
        retiredAt = now;
    }

    PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
        }
    }

    public String kid() {
        return kid;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
