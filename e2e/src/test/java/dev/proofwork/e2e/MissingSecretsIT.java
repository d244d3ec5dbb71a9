package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outside dev and test a packaged service has no default secrets: it refuses to start and says which is missing. */
class MissingSecretsIT {

    @ParameterizedTest
    @CsvSource({
            "audition-service, proofwork.pseudonym.secret",
            "audition-service, proofwork.files.link-secret",
            "scoring-service, proofwork.files.link-secret",
            "ranking-service, proofwork.pseudonym.secret" })
    void aServiceWithoutItsSecretRefusesToStart(String service, String secret) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-jar", Path.of("..", service, "target", "quarkus-app", "quarkus-run.jar").toString()))
                .redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(service + " stopped by itself").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isNotZero();
            assertThat(output).contains(secret);
        } finally {
            process.destroyForcibly();
        }
    }
}
