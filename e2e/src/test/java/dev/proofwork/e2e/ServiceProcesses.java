package dev.proofwork.e2e;

import dev.proofwork.testkit.KafkaBroker;
import dev.proofwork.testkit.TestDatabase;
import dev.proofwork.testkit.Tokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The four services as separate JVMs, each running its packaged application against one real broker
 * (in this JVM), a database of its own on the local PostgreSQL, and either the test OIDC server whose keys
 * sign {@link Tokens} or a real Keycloak realm (then with the portal too). Logs go to {@code target/e2e-logs}.
 */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("audition-service", "scoring-service", "ranking-service", "payout-service");
    static final String PORTAL = "portal";
    private static final Path LOGS = Path.of("target", "e2e-logs");

    /** The broker in this JVM, or null when the services use a broker of the caller's. */
    private final KafkaBroker broker;
    private final String bootstrapServers;
    private final OidcWiremockTestResource oidc;
    private final List<TestDatabase> databases = new ArrayList<>();
    /** The test OIDC server's tokens, with the username as subject. */
    static final TokenSource TEST_TOKENS = who -> switch (who.role()) {
        case "employer" -> Tokens.employer(who.username(), who.orgId());
        case "learner" -> Tokens.learner(who.username());
        case "reviewer" -> Tokens.reviewer(who.username());
        default -> Tokens.operator(who.username());
    };

    /** The broker in this JVM logs at WARN; the services' own logs are in target/e2e-logs. Held so they stick. */
    private static final List<Logger> QUIET = Stream.of("kafka", "org.apache.kafka", "state.change.logger")
            .map(Logger::getLogger).peek(logger -> logger.setLevel(Level.WARNING)).toList();

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();

    /** The services with the test OIDC server, whose keys sign {@link Tokens}. */
    ServiceProcesses(Map<String, String> settings) throws IOException {
        this(settings, null, null, 1);
    }

    /**
     * {@code instances} processes of every service on one broker and one database per service, as a deployment
     * with replicas runs them: the first is named as its service, the others {@code <service>-2} and so on.
     */
    ServiceProcesses(Map<String, String> settings, int instances) throws IOException {
        this(settings, null, null, instances);
    }

    /** The services with the test OIDC server, against a broker of the caller's (one it can kill). */
    ServiceProcesses(Map<String, String> settings, KafkaProcess kafka) throws IOException {
        this(settings, null, kafka.bootstrapServers(), 1);
    }

    /**
     * The services against a real Keycloak realm ({@code realmUrl}) when given, and then the portal as well,
     * as its confidential client; otherwise against the test OIDC server.
     */
    ServiceProcesses(Map<String, String> settings, String realmUrl) throws IOException {
        this(settings, realmUrl, null, 1);
    }

    private ServiceProcesses(Map<String, String> settings, String realmUrl, String externalBroker, int instances)
            throws IOException {
        broker = externalBroker == null ? KafkaBroker.start() : null;
        bootstrapServers = externalBroker == null ? broker.bootstrapServers() : externalBroker;
        Map<String, String> tokens = new LinkedHashMap<>();
        if (realmUrl == null) {
            oidc = new OidcWiremockTestResource();
            tokens.put("quarkus.oidc.auth-server-url", oidc.start().get("keycloak.url") + "/realms/quarkus");
            tokens.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
            tokens.put("quarkus.oidc.token.audience", Tokens.AUDIENCE);
        } else {
            oidc = null;
            tokens.put("quarkus.oidc.auth-server-url", realmUrl);
        }
        Files.createDirectories(LOGS);
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int instance = 1; instance <= instances; instance++) {
            for (String service : SERVICES) {
                if (instance == 1) {
                    databases.add(TestDatabase.create());
                }
                launchService(java, service, instance, settings, tokens);
            }
        }
        if (realmUrl != null) {
            Map<String, String> portal = new LinkedHashMap<>(tokens);
            ports.put(PORTAL, Ports.free());
            managementPorts.put(PORTAL, Ports.free());
            portal.put("quarkus.http.port", String.valueOf(ports.get(PORTAL)));
            portal.put("quarkus.management.port", String.valueOf(managementPorts.get(PORTAL)));
            portal.put("proofwork.portal.client-secret", "proofwork-portal-local-secret");
            portal.put("proofwork.portal.csrf-secret", "e2e-portal-csrf-secret");
            portal.put("proofwork.services.audition", url("audition-service"));
            portal.put("proofwork.services.scoring", url("scoring-service"));
            portal.put("proofwork.services.ranking", url("ranking-service"));
            portal.put("proofwork.services.payout", url("payout-service"));
            launch(java, PORTAL, PORTAL, portal);
        }
        for (String service : processes.keySet()) {
            awaitReady(service);
        }
    }

    private void launchService(String java, String service, int instance, Map<String, String> settings,
            Map<String, String> tokens) throws IOException {
        String name = instance == 1 ? service : service + "-" + instance;
        TestDatabase database = database(service);
        int port = Ports.free();
        ports.put(name, port);
        int managementPort = Ports.free();
        managementPorts.put(name, managementPort);
        Map<String, String> config = new LinkedHashMap<>(settings);
        // each process is its own static member of its service's consumer groups
        config.put("proofwork.kafka.instance", String.valueOf(instance));
        // the local run's short waits (the services' demo profile); the test's settings go on top
        config.put("quarkus.profile", "prod,demo");
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.management.port", String.valueOf(managementPort));
        config.put("proofwork.pseudonym.secret", "e2e-pseudonym-secret");
        config.put("proofwork.files.link-secret", "e2e-file-link-secret");
        // audition-service starts first: reviewers' file links point at it
        config.put("proofwork.files.base-url", url("audition-service"));
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.putAll(tokens);
        launch(java, service, name, config);
    }

    private void launch(String java, String module, String name, Map<String, String> config) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx320m", "-XX:TieredStopAtLevel=1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toString()));
        commands.put(name, command);
        start(name);
    }

    private void start(String module) throws IOException {
        processes.put(module, new ProcessBuilder(commands.get(module)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(module + ".log").toFile())).start());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed, as when a machine dies. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a killed service again, on the same ports and database; returns at once, before it is ready. */
    void restart(String service) throws IOException {
        start(service);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    TestDatabase database(String service) {
        return databases.get(SERVICES.indexOf(service));
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Where the service answers health, metrics and its OpenAPI document: never on its API port. */
    String managementUrl(String service) {
        return "http://localhost:" + managementPorts.get(service);
    }

    private void awaitReady(String service) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited at start:\n" + logTail(service));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(managementUrl(service) + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(service + " was not ready within 120 s:\n" + logTail(service));
    }

    String logTail(String service) {
        try {
            List<String> lines = Files.readAllLines(LOGS.resolve(service + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }


    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (oidc != null) {
            oidc.stop();
        }
        if (broker != null) {
            broker.close();
        }
        for (TestDatabase database : databases) {
            database.close();
        }
    }
}
