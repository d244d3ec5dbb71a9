package dev.proofwork.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak from the distribution the local run uses ({@code ./mvnw -f deploy/local/pom.xml
 * process-resources} puts it in {@code .proofwork/}), in dev mode with an in-memory store and the project's
 * realm imported, on ports of its own so it never meets the local run's Keycloak.
 */
final class KeycloakProcess implements AutoCloseable {

    static final String VERSION = "26.7.3";
    private static final Path HOME = Path.of("..", ".proofwork", "keycloak-" + VERSION);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    KeycloakProcess() throws IOException {
        Path kc = HOME.resolve("bin").resolve("kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException("no Keycloak at " + HOME.toAbsolutePath()
                    + ": fetch it with ./mvnw -f deploy/local/pom.xml process-resources (.ci/run does)");
        }
        Files.createDirectories(HOME.resolve("data").resolve("import"));
        Files.copy(Path.of("..", "deploy", "keycloak", "proofwork-realm.json"),
                HOME.resolve("data").resolve("import").resolve("proofwork-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(List.of(kc.toString(), "start-dev", "--http-port=" + port,
                "--http-management-port=" + Ports.free(), "--db=dev-mem", "--import-realm"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "e2e-logs", "keycloak.log").toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Files.createDirectories(Path.of("target", "e2e-logs"));
        process = builder.start();
        awaitRealm();
    }

    String url() {
        return "http://localhost:" + port;
    }

    String realmUrl() {
        return url() + "/realms/proofwork";
    }

    /** The realm's portal client knows the local run's address; a test's portal answers elsewhere. */
    void allowPortalAt(String portalUrl) throws Exception {
        String token = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode("admin", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String bearer = "Bearer " + Http.JSON.readTree(token).path("access_token").asText();
        JsonNode clients = Http.JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create(url() + "/admin/realms/proofwork/clients?clientId=proofwork-portal"))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        ObjectNode client = (ObjectNode) clients.get(0);
        ((ArrayNode) client.withArray("redirectUris")).add(portalUrl + "/*");
        ((ArrayNode) client.withArray("webOrigins")).add(portalUrl);
        client.withObject("attributes").put("post.logout.redirect.uris", portalUrl + "/*");
        HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(
                URI.create(url() + "/admin/realms/proofwork/clients/" + client.path("id").asText()))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("could not update the portal client: " + updated.statusCode() + " " + updated.body());
        }
    }

    private void awaitRealm() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited at start; see target/e2e-logs/keycloak.log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve the realm within 180 s; see target/e2e-logs/keycloak.log");
    }


    /** kc.sh starts a child JVM: stop it and its descendants too. */
    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
