package dev.proofwork.runtime.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every consumer a static member id ({@code group.instance.id}): {@code <group>-<instance>-<channel>}. A
 * service that restarts comes back as the same members, so the broker hands it its partitions at once instead
 * of waiting for the dead process's session to time out. Two instances of one service must run with different
 * {@code proofwork.kafka.instance} values (the environment variable {@code PROOFWORK_KAFKA_INSTANCE}).
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    private final String instance;

    StaticMembership(@ConfigProperty(name = "proofwork.kafka.instance", defaultValue = "1") String instance) {
        this.instance = instance;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        Object group = config.get(ConsumerConfig.GROUP_ID_CONFIG);
        if (group == null || config.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            return config; // a producer, or a member id set on purpose
        }
        Map<String, Object> customized = new HashMap<>(config);
        customized.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "-" + instance + "-" + channel);
        return customized;
    }
}
