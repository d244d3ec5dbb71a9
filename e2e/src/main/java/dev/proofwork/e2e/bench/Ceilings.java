package dev.proofwork.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What this machine can do at all, measured in the same run as the marketplace: PostgreSQL's commit rate (pgbench's
 * simple-update script on a scratch database) and the broker's write rate (512-byte records, acks=all, on a scratch
 * topic). Both scratch objects are removed afterwards.
 */
final class Ceilings {

    /** @param postgresTps pgbench -N transactions per second; @param kafkaRecordsPerSecond acknowledged records per second */
    record Figures(double postgresTps, double kafkaRecordsPerSecond) {
    }

    private static final String SCRATCH_DATABASE = "proofwork_bench_scratch";
    private static final String SCRATCH_TOPIC = "proofwork.bench-scratch";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final String postgresHost;
    private final int postgresPort;
    private final String postgresUser;
    private final String kafka;

    Ceilings(String postgresHost, int postgresPort, String postgresUser, String kafka) {
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.postgresUser = postgresUser;
        this.kafka = kafka;
    }

    Figures measure(int seconds) throws Exception {
        return new Figures(pgbench(seconds), kafkaProducerRate(seconds));
    }

    private double pgbench(int seconds) throws Exception {
        String admin = "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, postgresUser, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + SCRATCH_DATABASE);
            statement.execute("create database " + SCRATCH_DATABASE);
        }
        try {
            run("pgbench", "-i", "-q", "-s", "10", SCRATCH_DATABASE);
            String out = run("pgbench", "-N", "-c", "16", "-j", "2", "-T", String.valueOf(seconds), SCRATCH_DATABASE);
            Matcher tps = TPS.matcher(out);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + out);
            }
            return Double.parseDouble(tps.group(1));
        } finally {
            try (Connection connection = DriverManager.getConnection(admin, postgresUser, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + SCRATCH_DATABASE);
            } catch (SQLException ignored) {
                // a scratch database left behind is dropped by the next run
            }
        }
    }

    private String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(1, List.of("-h", postgresHost, "-p", String.valueOf(postgresPort), "-U", postgresUser));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + out);
        }
        return out;
    }

    private double kafkaProducerRate(int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            if (admin.listTopics().names().get().contains(SCRATCH_TOPIC)) {
                admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get();
            }
            createWhenDeleted(admin);
            byte[] value = new byte[512];
            long sent = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>(SCRATCH_TOPIC, Long.toString(sent), value));
                    sent++;
                }
                producer.flush();
            }
            double rate = sent / ((System.nanoTime() - start) / 1e9);
            admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get();
            return rate;
        }
    }

    /** A topic just deleted cannot be created until the broker has finished deleting it. */
    private static void createWhenDeleted(Admin admin) throws Exception {
        for (int attempt = 0;; attempt++) {
            try {
                admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, 6, (short) 1))).all().get();
                return;
            } catch (Exception stillThere) {
                if (attempt > 50) {
                    throw stillThere;
                }
                Thread.sleep(200);
            }
        }
    }
}
