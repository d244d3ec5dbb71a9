package dev.proofwork.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Where the scenario gets access tokens: Keycloak in a local run, a test issuer in the end-to-end test. */
public interface TokenSource {

    /** A valid access token for the person, creating their account first where the source needs one. */
    String token(Identity who);

    /** The token's subject: the user id services know the person by (reviewer registration needs it). */
    default String subject(Identity who) {
        String payload = token(who).split("\\.")[1];
        try {
            JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return claims.path("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
