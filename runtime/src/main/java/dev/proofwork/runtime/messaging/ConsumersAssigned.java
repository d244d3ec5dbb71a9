package dev.proofwork.runtime.messaging;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every consumer holds partitions: a service whose consumers have not joined their group (or
 * lost it) would take requests whose consequences never arrive. The data names each channel's partition count,
 * -1 where its consumer did not answer. Every consumed topic has at least six partitions, so up to six
 * instances of a service all get some.
 */
@Readiness
@ApplicationScoped
public class ConsumersAssigned implements AsyncHealthCheck {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private final KafkaClientService kafka;

    ConsumersAssigned(KafkaClientService kafka) {
        this.kafka = kafka;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Multi.createFrom().iterable(new TreeSet<>(kafka.getConsumerChannels()))
                .onItem().transformToUniAndConcatenate(channel -> kafka.getConsumer(channel).getAssignments()
                        .map(assigned -> Map.entry(channel, assigned.size()))
                        .ifNoItem().after(ANSWER_WITHIN).recoverWithItem(Map.entry(channel, -1))
                        .onFailure().recoverWithItem(Map.entry(channel, -1)))
                .collect().asList()
                .map(channels -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers assigned")
                            .status(channels.stream().allMatch(entry -> entry.getValue() > 0));
                    channels.forEach(entry -> response.withData(entry.getKey(), entry.getValue()));
                    return response.build();
                });
    }
}
