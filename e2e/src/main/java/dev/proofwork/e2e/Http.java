package dev.proofwork.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** JSON over HTTP with bearer tokens: all the scenario knows of the services is their public API. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record Response(String method, String url, int status, JsonNode body) {

        /** Fails naming the call and the problem the service answered, unless the status is one expected. */
        public Response expect(int... statuses) {
            if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
                throw new ScenarioException(method + " " + url + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);

    /** HTTP/1.1 as browsers and load tools speak it to a plain-text port (no h2c upgrade onto one connection). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Response get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    public Response post(String url, String token, Object body) {
        return send("POST", url, token, body, Map.of());
    }

    public Response put(String url, String token, Object body) {
        return send("PUT", url, token, body, Map.of());
    }

    /**
     * Waits out a service that is restarting: a refused connection is tried again for up to a minute (the
     * request never arrived, so no method can take effect twice), and so is a GET that lost its connection.
     */
    public Response send(String method, String url, String token, Object body, Map<String, String> headers) {
        Instant giveUp = Instant.now().plus(RESTART_PATIENCE);
        while (true) {
            try {
                return sendOnce(method, url, token, body, headers);
            } catch (IOException e) {
                boolean safeToRepeat = e instanceof ConnectException || method.equals("GET");
                if (!safeToRepeat || Instant.now().isAfter(giveUp)) {
                    throw new ScenarioException(method + " " + url + " failed: " + e, e);
                }
                pause();
            }
        }
    }

    private Response sendOnce(String method, String url, String token, Object body, Map<String, String> headers)
            throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : parse(response.body());
            return new Response(method, url, response.statusCode(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException(method + " " + url + " was interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted while a service restarted", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
