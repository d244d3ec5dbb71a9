package dev.proofwork.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A database created for one test run and dropped after it, on the local PostgreSQL server
 * ({@code PROOFWORK_TEST_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}; default
 * 127.0.0.1:5432 as postgres). Where no server answers but a Docker engine does, a PostgreSQL container
 * stands in; the log says which was chosen.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;
    private final PostgreSQLContainer<?> container;

    private TestDatabase(String host, int port, String user, String password, String name,
            PostgreSQLContainer<?> container) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
        this.container = container;
    }

    public static TestDatabase create() {
        String host = env("PROOFWORK_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("PROOFWORK_TEST_PG_PORT", "5432"));
        String user = env("PROOFWORK_TEST_PG_USER", "postgres");
        String password = env("PROOFWORK_TEST_PG_PASSWORD", "");
        String name = "proofwork_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            createDatabase(host, port, user, password, name);
            LOG.infof("test database %s on the PostgreSQL server at %s:%d", name, host, port);
            return new TestDatabase(host, port, user, password, name, null);
        } catch (SQLException unreachable) {
            if (!dockerAnswers()) {
                throw new IllegalStateException("no PostgreSQL at " + host + ":" + port + " (" + unreachable.getMessage()
                        + ") and no Docker engine: start PostgreSQL or set PROOFWORK_TEST_PG_HOST/PORT/USER/PASSWORD",
                        unreachable);
            }
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine").withDatabaseName(name);
            container.start();
            LOG.infof("no PostgreSQL at %s:%d, so test database %s runs in a Testcontainers PostgreSQL at %s:%d",
                    host, port, name, container.getHost(), container.getFirstMappedPort());
            return new TestDatabase(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                    container.getPassword(), name, container);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws SQLException {
        if (container != null) {
            container.stop();
            return;
        }
        try (Connection admin = connect(host, port, user, password); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static void createDatabase(String host, int port, String user, String password, String name)
            throws SQLException {
        try (Connection admin = connect(host, port, user, password); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        }
    }

    private static Connection connect(String host, int port, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
