package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.proofwork.events.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s read into typed models (fabric8's Kubernetes kinds, Strimzi's Kafka kinds; CloudNativePG's and the
 * Keycloak operator's kinds as plain trees, as no model of theirs is published) and held to what running it
 * needs: probes on each service's real management port, requests and limits, an autoscaler and a disruption
 * budget per Deployment, no secret written out, the topics and databases the services expect, and the local
 * realm as Keycloak's realm import.
 */
class K8sManifestsTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final List<String> CONSUMERS = List.of("audition-service", "scoring-service", "ranking-service",
            "payout-service");
    private static List<JsonNode> documents;

    @BeforeAll
    static void read() throws IOException {
        documents = new ArrayList<>();
        for (String file : kustomizationResources()) {
            try (var parser = new YAMLFactory().createParser(K8S.resolve(file).toFile())) {
                YAML.readValues(parser, JsonNode.class).readAll().stream().filter(doc -> !doc.isEmpty())
                        .forEach(documents::add);
            }
        }
    }

    private static List<String> kustomizationResources() throws IOException {
        List<String> listed = new ArrayList<>();
        YAML.readTree(K8S.resolve("kustomization.yaml").toFile()).path("resources").forEach(r -> listed.add(r.asText()));
        return listed;
    }

    private static <T> List<T> all(String kind, Class<T> type) {
        return documents.stream().filter(doc -> doc.path("kind").asText().equals(kind))
                .map(doc -> YAML.convertValue(doc, type)).toList();
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = documents.stream().filter(doc -> doc.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    private static Deployment deployment(String name) {
        return all("Deployment", Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static Properties applicationProperties(String module) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(
                Path.of("..", module, "src", "main", "resources", "application.properties"))));
        return properties;
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    @Test
    void everyManifestFileIsApplied() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            List<String> yaml = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList();
            assertThat(kustomizationResources()).containsExactlyInAnyOrderElementsOf(yaml);
        }
        assertThat(documents).allSatisfy(doc -> assertThat(doc.path("metadata").path("namespace").asText(
                doc.path("kind").asText().equals("Namespace") ? "proofwork" : ""))
                .as(doc.path("kind") + " " + doc.path("metadata").path("name")).isEqualTo("proofwork"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "audition-service", "scoring-service", "ranking-service", "payout-service", "portal" })
    void eachServiceIsProbedOnItsManagementPortAndBoundedAndScaledAndProtected(String name) throws IOException {
        Properties config = applicationProperties(name);
        Deployment deployment = deployment(name);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, Integer> ports = container.getPorts().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
        assertThat(ports).containsEntry("http", Integer.valueOf(config.getProperty("quarkus.http.port")))
                .containsEntry("management", Integer.valueOf(config.getProperty("quarkus.management.port")));
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getStartupProbe(), "/q/health/started");
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));

        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        Service service = all("Service", Service.class).stream().filter(s -> s.getMetadata().getName().equals(name))
                .findFirst().orElseThrow();
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
                .containsExactlyInAnyOrder("http", "management");

        HorizontalPodAutoscaler autoscaler = all("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).findFirst().orElseThrow();
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        // a consumer beyond the smallest consumed topic's partition count would get no partition
        int fewestPartitions = Topics.ALL.stream().filter(t -> !t.name().equals(Topics.DEAD_LETTERS)
                && !t.name().equals(Topics.BILLING)).mapToInt(Topics.TopicSpec::partitions).min().orElseThrow();
        assertThat(autoscaler.getSpec().getMaxReplicas()).isBetween(autoscaler.getSpec().getMinReplicas(), fewestPartitions);
        assertThat(autoscaler.getSpec().getMetrics()).isNotEmpty();

        PodDisruptionBudget budget = all("PodDisruptionBudget", PodDisruptionBudget.class).stream()
                .filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isBetween(1, autoscaler.getSpec().getMinReplicas() - 1);
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    @Test
    void noSecretIsWrittenOutAndEveryPodIsItsOwnConsumerGroupMember() {
        assertThat(documents).noneMatch(doc -> doc.path("kind").asText().equals("Secret"));
        for (Deployment deployment : all("Deployment", Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getEnv()).filteredOn(e -> e.getName().matches(".*(SECRET|PASSWORD|TOKEN|_KEY).*"))
                    .allSatisfy(e -> {
                        assertThat(e.getValue()).as(e.getName()).isNull();
                        assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
                    });
        }
        for (String consumer : CONSUMERS) {
            EnvVar instance = env(deployment(consumer).getSpec().getTemplate().getSpec().getContainers().getFirst())
                    .get("PROOFWORK_KAFKA_INSTANCE");
            assertThat(instance).as(consumer).isNotNull();
            assertThat(instance.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        }
    }

    @Test
    void kafkaRunsInKraftModeWithEveryTopicTheServicesUseReplicated() {
        Kafka kafka = all("Kafka", Kafka.class).getFirst();
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/node-pools", "enabled")
                .containsEntry("strimzi.io/kraft", "enabled");
        List<KafkaNodePool> pools = all("KafkaNodePool", KafkaNodePool.class);
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream()))
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(3);

        Map<String, KafkaTopic> topics = all("KafkaTopic", KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), Function.identity()));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
        for (Topics.TopicSpec expected : Topics.ALL) {
            KafkaTopic topic = topics.get(expected.name());
            assertThat(topic.getSpec().getPartitions()).as(expected.name()).isEqualTo(expected.partitions());
            assertThat(topic.getSpec().getReplicas()).isLessThanOrEqualTo(brokers).isGreaterThanOrEqualTo(3);
            assertThat(Integer.parseInt(topic.getSpec().getConfig().get("min.insync.replicas").toString()))
                    .isBetween(2, topic.getSpec().getReplicas() - 1);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        }
    }

    @Test
    void eachServiceFindsItsOwnDatabaseOwnedByItsOwnRole() throws IOException {
        JsonNode cluster = one("Cluster");
        assertThat(cluster.path("apiVersion").asText()).startsWith("postgresql.cnpg.io/");
        assertThat(cluster.path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
        Map<String, String> rolePasswordSecrets = new HashMap<>();
        cluster.path("spec").path("managed").path("roles").forEach(role -> rolePasswordSecrets
                .put(role.path("name").asText(), role.path("passwordSecret").path("name").asText()));
        Map<String, String> ownerOfDatabase = documents.stream().filter(doc -> doc.path("kind").asText().equals("Database"))
                .peek(db -> assertThat(db.path("spec").path("cluster").path("name").asText())
                        .isEqualTo(cluster.path("metadata").path("name").asText()))
                .collect(Collectors.toMap(db -> db.path("spec").path("name").asText(), db -> db.path("spec").path("owner").asText()));

        for (String service : CONSUMERS) {
            String database = applicationProperties(service).getProperty("proofwork.db.name");
            String owner = ownerOfDatabase.get(database);
            assertThat(owner).as("owner of " + database).isNotNull();
            Map<String, EnvVar> env = env(deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst());
            assertThat(env.get("PROOFWORK_DB_HOST").getValue()).isEqualTo(cluster.path("metadata").path("name").asText() + "-rw");
            assertThat(env.get("PROOFWORK_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo(rolePasswordSecrets.get(owner))
                    .isEqualTo(env.get("PROOFWORK_DB_USER").getValueFrom().getSecretKeyRef().getName());
        }
    }

    @Test
    void theDatabaseHasAConnectionForEveryPodTheAutoscalersMayStart() throws IOException {
        Properties runtime = new Properties();
        runtime.load(new StringReader(Files.readString(Path.of("..", "runtime", "src", "main", "resources", "META-INF",
                "microprofile-config.properties"))));
        int perPod = Integer.parseInt(runtime.getProperty("quarkus.datasource.reactive.max-size"))
                + Integer.parseInt(runtime.getProperty("quarkus.datasource.jdbc.max-size"));
        int services = 0;
        for (String service : CONSUMERS) {
            Map<String, EnvVar> env = env(deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst());
            assertThat(env).as(service + " keeps the pool size sized for the database")
                    .doesNotContainKeys("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            services += perPod * all("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service)).findFirst().orElseThrow()
                    .getSpec().getMaxReplicas();
        }
        JsonNode keycloak = one("Keycloak").path("spec");
        int keycloakConnections = keycloak.path("instances").asInt() * keycloak.path("db").path("poolMaxSize").asInt(100);
        // PostgreSQL keeps 3 for superusers; CloudNativePG's instance manager and monitoring take a few more
        int available = one("Cluster").path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100)
                - 3 - 10;
        assertThat(services + keycloakConnections).as("connections at the autoscalers' maximum").isLessThanOrEqualTo(available);
    }

    @Test
    void keycloakImportsTheLocalRealmWithoutItsDemoPartsAndIsTheIssuerServicesCheck() throws IOException {
        JsonNode keycloak = one("Keycloak");
        JsonNode realmImport = one("KeycloakRealmImport");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo(keycloak.path("metadata").path("name").asText());
        assertThat(keycloak.path("spec").path("db").path("passwordSecret").path("name").asText()).isNotBlank();
        realmImport.path("spec").path("placeholders").forEach(placeholder ->
                assertThat(placeholder.path("secret").path("name").asText()).isNotBlank());

        ObjectNode expected = (ObjectNode) new ObjectMapper().readTree(Path.of("..", "deploy", "keycloak", "proofwork-realm.json").toFile());
        expected.remove("users");
        ArrayNode clients = expected.putArray("clients");
        String portal = "https://portal.proofwork.example";
        for (JsonNode client : new ObjectMapper().readTree(Path.of("..", "deploy", "keycloak", "proofwork-realm.json").toFile()).path("clients")) {
            ObjectNode copy = client.deepCopy();
            switch (client.path("clientId").asText()) {
                case "proofwork-cli" -> {
                    continue;
                }
                case "proofwork-api" -> copy.put("secret", "${API_CLIENT_SECRET}");
                case "proofwork-portal" -> {
                    copy.put("secret", "${PORTAL_CLIENT_SECRET}");
                    copy.putArray("redirectUris").add(portal + "/*");
                    copy.putArray("webOrigins").add(portal);
                    ((ObjectNode) copy.path("attributes")).put("post.logout.redirect.uris", portal + "/*");
                }
                default -> {
                }
            }
            clients.add(copy);
        }
        assertThat(realmImport.path("spec").path("realm")).isEqualTo(expected);

        String issuerHost = keycloak.path("spec").path("hostname").path("hostname").asText();
        for (Deployment deployment : all("Deployment", Deployment.class)) {
            assertThat(env(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst()).get("KEYCLOAK_URL").getValue())
                    .as(deployment.getMetadata().getName()).isEqualTo(issuerHost);
        }
    }
}
