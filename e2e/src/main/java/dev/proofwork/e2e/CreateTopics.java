package dev.proofwork.e2e;

import dev.proofwork.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates every topic of the contract with the partition count the services expect; existing ones are left. */
public final class CreateTopics {

    private CreateTopics() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1))
                    .toList();
            admin.createTopics(missing).all().get();
            Topics.ALL.forEach(spec -> System.out.println(spec.name() + " (" + spec.partitions() + " partitions)"
                    + (existing.contains(spec.name()) ? " existed" : " created")));
        }
    }
}
