package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace played end to end against two processes of each of the four services, sharing one broker and
 * one database per service as replicas of a deployment do: every outcome a user would check comes out as with one,
 * no event is published twice although both instances' outbox relays and scheduled jobs tick, and each instance
 * consumes its share of every topic's partitions. The scenario's calls go to the first instance of audition- and
 * payout-service and to the second of scoring- and ranking-service.
 */
class MarketplaceEndToEndIT extends MarketplaceOutcomeChecks {

    private static final Duration APPEAL_WINDOW = Duration.ofSeconds(15);

    private static ServiceProcesses services;
    private static Outcome outcome;

    @BeforeAll
    static void playTheMarketplace() throws Exception {
        // the demo profile's short waits, with an appeal window of the test's own and proofs for anyone
        services = new ServiceProcesses(Map.of(
                "proofwork.appeals.window", APPEAL_WINDOW.toString(),
                "proofwork.proofs.threshold", "0"), 2);
        ScenarioConfig config = new ScenarioConfig(10, 4, 4, 20261124L, services.url("audition-service"),
                services.url("scoring-service-2"), services.url("ranking-service-2"), services.url("payout-service"),
                APPEAL_WINDOW, Duration.ofSeconds(65), false);
        try {
            outcome = new Scenario(config, ServiceProcesses.TEST_TOKENS, System.out::println).play();
        } catch (ScenarioException e) {
            String logs = ServiceProcesses.SERVICES.stream()
                    .flatMap(s -> Stream.of(s, s + "-2"))
                    .map(s -> "--- " + s + "\n" + services.logTail(s))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(e.getMessage() + "\n" + logs, e);
        }
        Summary.print(outcome, System.out);
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Override
    protected Outcome outcome() {
        return outcome;
    }

    @Test
    void noEventIsPublishedTwiceThoughBothInstancesRelayAndSchedule() {
        Map<String, List<String>> topicsOfEventId = new HashMap<>();
        List<String> topics = Topics.ALL.stream().map(Topics.TopicSpec::name)
                .filter(topic -> !topic.equals(Topics.DEAD_LETTERS)).toList();
        for (ConsumerRecord<String, byte[]> record : RawRecords.everyRecord(services.bootstrapServers(), topics)) {
            var id = record.headers().lastHeader(CloudEventCodec.HEADER_ID);
            if (id != null) {
                topicsOfEventId.computeIfAbsent(new String(id.value(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(record.topic());
            }
        }
        assertThat(topicsOfEventId).hasSizeGreaterThan(100);
        assertThat(topicsOfEventId).allSatisfy((id, publishedTo) -> assertThat(publishedTo).as(id).hasSize(1));
    }

    @Test
    void eachInstanceConsumesItsShareOfEveryTopic() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : ServiceProcesses.SERVICES) {
            Map<String, Integer> first = assigned(http, service);
            Map<String, Integer> second = assigned(http, service + "-2");
            assertThat(first).isNotEmpty();
            assertThat(second.keySet()).isEqualTo(first.keySet());
            Map<String, Integer> partitions = Topics.ALL.stream()
                    .collect(Collectors.toMap(Topics.TopicSpec::name, Topics.TopicSpec::partitions));
            first.forEach((channel, held) -> {
                assertThat(held).as(service + " " + channel).isPositive();
                assertThat(second.get(channel)).as(service + "-2 " + channel).isPositive();
                assertThat(held + second.get(channel)).as(channel).isEqualTo(partitions.get(channel));
            });
        }
    }

    /** The partitions each consumer channel of the instance holds, from its readiness check. */
    private static Map<String, Integer> assigned(HttpClient http, String instance) throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(services.managementUrl(instance)
                + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode checks = Http.JSON.readTree(ready.body()).path("checks");
        Map<String, Integer> held = new HashMap<>();
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals("Kafka consumers assigned")) {
                check.path("data").properties().forEach(e -> held.put(e.getKey(), e.getValue().asInt()));
            }
        }
        return held;
    }
}
