package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.events.Topics;
import dev.proofwork.testkit.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace played while its parts die. Three services and then the Kafka broker are killed with SIGKILL
 * at moments they have work in flight, each started again at once; afterwards every event of the attempts and
 * scoring topics is delivered a second time. Every outcome a user checks must be exactly what a calm run gives
 * (the checks of {@link MarketplaceOutcomeChecks}, read after the redelivery), nothing may sit in an outbox or
 * among the dead letters, and the time each restart took until the services consumed again is printed.
 */
class FaultToleranceIT extends MarketplaceOutcomeChecks {

    private static final Duration APPEAL_WINDOW = Duration.ofSeconds(15);
    /** A service that is not consuming again after this is broken, not slow. */
    private static final Duration CONSUME_AGAIN_BOUND = Duration.ofSeconds(45);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static final String BROKER = "kafka";

    /**
     * What dies when the scenario begins which step: each service while it consumes what the others produce, the
     * broker while an appeal is decided and its result travels to ranking and payout.
     */
    private static final Map<String, String> KILLED_DURING = Map.of(
            "learners claiming seats", "scoring-service",
            "reviewers scoring", "payout-service",
            "employers closing", "ranking-service",
            "one learner appealing", BROKER);

    /** The topics each service consumes: a probe on each shows it consuming all its channels again. */
    private static final Map<String, List<String>> CONSUMES = Map.of(
            "audition-service", List.of(Topics.ESCROW, Topics.SCORING),
            "scoring-service", List.of(Topics.AUDITIONS, Topics.ATTEMPTS),
            "ranking-service", List.of(Topics.AUDITIONS, Topics.ATTEMPTS, Topics.SCORING),
            "payout-service", List.of(Topics.AUDITIONS, Topics.ATTEMPTS, Topics.SCORING));

    private static final String PROBE = "probe-";

    private static KafkaProcess kafka;
    private static ServiceProcesses services;
    private static Outcome outcome;
    private static final Map<String, Duration> consumingAgainAfter = new ConcurrentHashMap<>();
    private static final List<Throwable> faultFailures = new CopyOnWriteArrayList<>();
    private static int redelivered;

    @BeforeAll
    static void playTheMarketplaceWhileServicesDie() throws Exception {
        kafka = new KafkaProcess();
        services = new ServiceProcesses(Map.of(
                "proofwork.appeals.window", APPEAL_WINDOW.toString(),
                "proofwork.proofs.threshold", "0"), kafka);
        ScenarioConfig config = new ScenarioConfig(10, 4, 4, 20261124L, services.url("audition-service"),
                services.url("scoring-service"), services.url("ranking-service"), services.url("payout-service"),
                APPEAL_WINDOW, Duration.ofSeconds(65), false);
        // one fault at a time, so each figure is the time of its own restart
        ExecutorService faults = Executors.newSingleThreadExecutor();
        Scenario scenario = new Scenario(config, ServiceProcesses.TEST_TOKENS, step -> {
            System.out.println(step);
            KILLED_DURING.forEach((during, killed) -> {
                if (step.contains(during)) {
                    faults.submit(() -> killAndRestart(killed));
                }
            });
        });
        try {
            scenario.play();
            faults.shutdown();
            assertThat(faults.awaitTermination(3, TimeUnit.MINUTES)).as("faults recovered").isTrue();
            redelivered = redeliver(List.of(Topics.ATTEMPTS, Topics.SCORING));
            awaitConsumersCaughtUp();
            outcome = scenario.observe();
        } catch (ScenarioException e) {
            String logs = ServiceProcesses.SERVICES.stream().map(s -> "--- " + s + "\n" + services.logTail(s))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(e.getMessage() + "\n" + logs, e);
        }
        Summary.print(outcome, System.out);
        System.out.printf(Locale.ROOT, "redelivered %d events of %s and %s%n", redelivered, Topics.ATTEMPTS,
                Topics.SCORING);
        consumingAgainAfter.forEach((killed, took) -> System.out.printf(Locale.ROOT,
                "%s killed: consuming again %.1f s after it was started again%n", killed, took.toMillis() / 1000.0));
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected Outcome outcome() {
        return outcome;
    }

    @Test
    void everyKilledServiceConsumedAgainSoonAfterItsRestart() {
        assertThat(faultFailures).isEmpty();
        assertThat(consumingAgainAfter).containsOnlyKeys(KILLED_DURING.values());
        assertThat(consumingAgainAfter.values()).allSatisfy(took -> assertThat(took).isLessThan(CONSUME_AGAIN_BOUND));
        assertThat(redelivered).isGreaterThan(50);
    }

    @Test
    void nothingIsLeftInAnOutboxAndNoConsumerGaveUpOnAnEvent() throws Exception {
        for (String service : ServiceProcesses.SERVICES) {
            assertThat(unpublished(service)).as(service + " outbox").isZero();
            assertThat(deadLetterKeys(service)).as(service + " dead letters")
                    .allSatisfy(key -> assertThat(key).startsWith(PROBE));
        }
    }

    /**
     * Kills a service, or the broker, starts it again, and times how long until the services it stopped consume
     * every topic they read: the service itself, or all four after the broker.
     */
    private static void killAndRestart(String killed) {
        try {
            Thread.sleep(2_000);
            List<String> stopped = killed.equals(BROKER) ? ServiceProcesses.SERVICES : List.of(killed);
            Instant restarted;
            if (killed.equals(BROKER)) {
                kafka.kill();
                restarted = Instant.now();
                kafka.start();
            } else {
                services.kill(killed);
                restarted = Instant.now();
                services.restart(killed);
            }
            for (String service : stopped) {
                Set<String> probes = CONSUMES.get(service).stream().map(topic -> probe(service, topic))
                        .collect(Collectors.toSet());
                Instant giveUp = restarted.plus(SETTLE);
                while (!deadLetterKeys(service).containsAll(probes)) {
                    if (Instant.now().isAfter(giveUp)) {
                        throw new AssertionError(service + " did not consume again within " + SETTLE + " after "
                                + killed + " was killed:\n" + services.logTail(service));
                    }
                    Thread.sleep(100);
                }
            }
            consumingAgainAfter.put(killed, Duration.between(restarted, Instant.now()));
        } catch (Throwable e) {
            faultFailures.add(e);
        }
    }

    /** A record that is no event: the service's consumer of that topic dead-letters it at once. */
    private static String probe(String service, String topic) {
        String key = PROBE + service + "-" + UUID.randomUUID();
        RawRecords.notAnEvent(services.bootstrapServers(), topic, key);
        return key;
    }

    /** The keys of the service's dead letters; an empty list while it is not answering. */
    private static List<String> deadLetterKeys(String service) {
        Http.Response response;
        try {
            response = new Http().get(services.url(service) + "/api/v1/dead-letters?size=100",
                    Tokens.operator("fault-operator"));
        } catch (ScenarioException notAnswering) {
            return List.of();
        }
        if (response.status() != 200) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        response.body().path("items").forEach(item -> keys.add(item.path("recordKey").asText()));
        return keys;
    }

    /** Sends every event the topics hold once more, as its producer sent it; returns how many. */
    private static int redeliver(Collection<String> topics) throws Exception {
        List<ConsumerRecord<String, byte[]>> events = RawRecords.everyRecord(services.bootstrapServers(), topics);
        try (KafkaProducer<String, byte[]> producer = RawRecords.producer(services.bootstrapServers())) {
            for (ConsumerRecord<String, byte[]> event : events) {
                if (event.key() == null || !event.key().startsWith(PROBE)) {
                    producer.send(new ProducerRecord<>(event.topic(), null, event.key(), event.value(), event.headers()));
                }
            }
            producer.flush();
        }
        return (int) events.stream().filter(e -> e.key() == null || !e.key().startsWith(PROBE)).count();
    }

    /** Until every service's consumer group has read every topic to its end. */
    private static void awaitConsumersCaughtUp() throws Exception {
        Instant giveUp = Instant.now().plus(SETTLE);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.bootstrapServers()))) {
            for (String group : ServiceProcesses.SERVICES) {
                while (lag(admin, group) > 0) {
                    if (Instant.now().isAfter(giveUp)) {
                        throw new AssertionError(group + " still lags " + lag(admin, group) + " records");
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return committed.entrySet().stream()
                .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset())
                .sum();
    }

    private static long unpublished(String service) throws Exception {
        var database = services.database(service);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                ResultSet rows = connection.createStatement()
                        .executeQuery("select count(*) from outbox where published_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
