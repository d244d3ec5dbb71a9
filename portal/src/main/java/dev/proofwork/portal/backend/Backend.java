package dev.proofwork.portal.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Calls the services' public REST APIs on behalf of the signed-in user, with the user's own access token
 * (held by the portal, never by the browser). Problems come back as {@link ServiceProblem}, a service that
 * does not answer or fails as {@link ServiceUnavailable}.
 */
@RequestScoped
public class Backend {

    /** One uploaded file on its way to audition-service. */
    public record Upload(String name, String mediaType, byte[] data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /**
     * A service path's segments as the portal's own URLs can hold them (ids, keys, skills, invoice numbers), and a
     * query the portal encoded: anything else in a segment, decoded from the visitor's URL, would not name a
     * resource and could name another (a "../", a "?").
     */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/(?!\\.\\.?(/|\\?|$))[A-Za-z0-9._~-]*)+(\\?[A-Za-z0-9._~*%&=+-]*)?");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ServiceUrls urls;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    Backend(ServiceUrls urls, SecurityIdentity identity, ObjectMapper json) {
        this.urls = urls;
        this.identity = identity;
        this.json = json;
    }

    public JsonNode get(Service service, String path) {
        return send(service, request(service, path).GET());
    }

    public JsonNode post(Service service, String path, Object body) {
        return send(service, request(service, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public JsonNode post(Service service, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(service, path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(service, request.POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public JsonNode put(Service service, String path, Object body) {
        return send(service, request(service, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** A multipart form: text fields (repeatable) and files, as the submission endpoint takes them. */
    public JsonNode postMultipart(Service service, String path, Map<String, List<String>> fields, List<Upload> files) {
        String boundary = "proofwork-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, values) -> values.forEach(value -> part(body, boundary,
                "Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: text/plain; charset=UTF-8",
                value.getBytes(StandardCharsets.UTF_8))));
        files.forEach(file -> part(body, boundary, "Content-Disposition: form-data; name=\"files\"; filename=\""
                + file.name().replace("\"", "") + "\"\r\nContent-Type: " + file.mediaType(), file.data()));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(service, request(service, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Raw bytes (a file, an invoice page) with the service's content type. */
    public HttpResponse<byte[]> fetch(Service service, String path, String accept) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(service, path).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw problem(service, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
            return response;
        } catch (IOException e) {
            throw new ServiceUnavailable(service, "did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, "interrupted");
        }
    }

    private HttpRequest.Builder request(Service service, String path) {
        if (!PLAIN_PATH.matcher(path).matches()) {
            throw new NotFoundException();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.of(service) + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.header("Authorization", "Bearer " + token.getToken());
        }
        return request;
    }

    private JsonNode send(Service service, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw problem(service, response.statusCode(), response.body());
            }
            return response.body() == null || response.body().isBlank() ? MissingNode.getInstance()
                    : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ServiceUnavailable(service, "answered with something that is not JSON");
        } catch (IOException e) {
            throw new ServiceUnavailable(service, "did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, "interrupted");
        }
    }

    private RuntimeException problem(Service service, int status, String body) {
        if (status >= 500) {
            return new ServiceUnavailable(service, "failed (HTTP " + status + ")");
        }
        try {
            return new ServiceProblem(status, json.readTree(body == null || body.isBlank() ? "{}" : body));
        } catch (JsonProcessingException e) {
            return new ServiceProblem(status, json.createObjectNode().put("detail", "refused (HTTP " + status + ")"));
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
