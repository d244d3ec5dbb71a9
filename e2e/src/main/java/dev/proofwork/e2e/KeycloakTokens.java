package dev.proofwork.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real tokens from the realm {@code proofwork}: each person gets a Keycloak account (created through the
 * admin API with the bootstrap admin, then given its realm role and org) and logs in with the password
 * grant of the {@code proofwork-cli} client. Tokens are reused until shortly before they expire.
 */
public final class KeycloakTokens implements TokenSource {

    private static final String PASSWORD = "proofwork";

    private record Cached(String token, Instant refreshAt) {
    }

    private final String keycloakUrl;
    private final String adminUser;
    private final String adminPassword;
    private final Http http = new Http();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accounts = new ConcurrentHashMap<>();
    private Cached admin;

    public KeycloakTokens(String keycloakUrl, String adminUser, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public String token(Identity who) {
        Cached cached = tokens.get(who.username());
        if (cached != null && Instant.now().isBefore(cached.refreshAt())) {
            return cached.token();
        }
        accounts.computeIfAbsent(who.username(), username -> {
            ensureAccount(who);
            return true;
        });
        Cached fresh = login("proofwork", "proofwork-cli", who.username(), PASSWORD);
        tokens.put(who.username(), fresh);
        return fresh.token();
    }

    private Cached login(String realm, String clientId, String username, String password) {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ScenarioException("Keycloak refused the login of " + username + " in realm " + realm + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = Http.JSON.readTree(response.body());
            long lifetime = json.path("expires_in").asLong(60);
            return new Cached(json.path("access_token").asText(), Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
        } catch (java.io.IOException e) {
            throw new ScenarioException("Keycloak at " + keycloakUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted while logging in " + username, e);
        }
    }

    private synchronized String adminToken() {
        if (admin == null || !Instant.now().isBefore(admin.refreshAt())) {
            admin = login("master", "admin-cli", adminUser, adminPassword);
        }
        return admin.token();
    }

    /** Creates the account if it does not exist yet (a second run reuses it) and gives it its role. */
    private void ensureAccount(Identity who) {
        String users = keycloakUrl + "/admin/realms/proofwork/users";
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
                "username", who.username(), "enabled", true, "emailVerified", true,
                "email", who.username() + "@proofwork.local", "firstName", who.username(), "lastName", who.role(),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        if (who.orgId() != null) {
            user.put("attributes", Map.of("org_id", List.of(who.orgId())));
        }
        http.post(users, adminToken(), user).expect(201, 409);
        String id = http.get(users + "?exact=true&username=" + URLEncoder.encode(who.username(), StandardCharsets.UTF_8),
                adminToken()).expect(200).body().path(0).path("id").asText();
        JsonNode role = http.get(keycloakUrl + "/admin/realms/proofwork/roles/" + who.role(), adminToken()).expect(200).body();
        http.post(users + "/" + id + "/role-mappings/realm", adminToken(), List.of(role)).expect(204);
    }
}
