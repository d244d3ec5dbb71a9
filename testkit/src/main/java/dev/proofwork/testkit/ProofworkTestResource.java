package dev.proofwork.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts what a service needs to run for real in a {@code @QuarkusTest}: an in-process KRaft Kafka broker,
 * a fresh PostgreSQL database, and a local OIDC server whose keys verify the tokens from {@link Tokens}.
 * Register it once per service test module with {@code @QuarkusTestResource(ProofworkTestResource.class)};
 * it then serves every test class of that run and is torn down (database dropped) after it.
 */
public class ProofworkTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;
    private TestDatabase database;
    private OidcWiremockTestResource oidc;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start();
        database = TestDatabase.create();
        oidc = new OidcWiremockTestResource();

        Map<String, String> config = new HashMap<>(oidc.start());
        // the mock serves a Keycloak-shaped realm named quarkus, with the keys that sign Tokens
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        config.put("quarkus.oidc.token.audience", Tokens.AUDIENCE);
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        return config;
    }

    @Override
    public void stop() {
        closeQuietly(oidc == null ? null : oidc::stop);
        closeQuietly(broker);
        closeQuietly(database);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("test resource did not close cleanly: " + e);
        }
    }
}
