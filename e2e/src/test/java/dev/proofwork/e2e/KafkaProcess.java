package dev.proofwork.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker as its own process, from the jars the local run uses ({@code ./mvnw -f deploy/local/pom.xml
 * process-resources} puts them in {@code .proofwork/kafka/libs}), configured like the local run's broker, with a
 * log directory of its own under {@code target/}. Unlike the broker inside the test JVM it can be killed with
 * SIGKILL and started again on the same port and log directory, as when the broker's machine dies.
 */
final class KafkaProcess implements AutoCloseable {

    private static final Path LIBS = Path.of("..", ".proofwork", "kafka", "libs");
    private static final Path HOME = Path.of("target", "kafka-process");

    private final List<String> command;
    private final int port;
    private Process process;

    KafkaProcess() throws Exception {
        if (!Files.isDirectory(LIBS)) {
            throw new IllegalStateException("no Kafka jars at " + LIBS.toAbsolutePath()
                    + ": fetch them with ./mvnw -f deploy/local/pom.xml process-resources (.ci/run does)");
        }
        port = Ports.free();
        Path data = HOME.resolve("data");
        deleteRecursively(HOME);
        Files.createDirectories(data);
        Path properties = HOME.resolve("server.properties");
        Files.writeString(properties, Files.readString(Path.of("..", "deploy", "kafka", "server.properties"))
                .replace("@KAFKA_PORT@", String.valueOf(port))
                .replace("@CONTROLLER_PORT@", String.valueOf(Ports.free()))
                .replace("@LOG_DIRS@", data.toAbsolutePath().toString()));
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = LIBS.toAbsolutePath() + "/*";
        run(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()));
        command = List.of(java, "-Xmx384m", "-Dlog4j2.configurationFile="
                + Path.of("..", "deploy", "kafka", "log4j2.properties").toAbsolutePath(), "-cp", classpath,
                "kafka.Kafka", properties.toString());
        start();
        CreateTopics.main(new String[] { bootstrapServers() });
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** SIGKILL: the broker's log is not flushed or closed, and it recovers it at the next start. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the broker again on the same port and log directory; returns once it listens. */
    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "e2e-logs", "kafka.log").toFile()))
                .start();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (!listening()) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the Kafka broker did not listen on " + port + "; see target/e2e-logs/kafka.log");
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void run(List<String> command) throws Exception {
        Files.createDirectories(Path.of("target", "e2e-logs"));
        Process format = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "e2e-logs", "kafka-format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed; see target/e2e-logs/kafka-format.log");
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }



    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
