package dev.proofwork.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers(new ObjectMapper());

    @Test
    void aDatabaseOutOfConnectionsOrDownAsksTheClientToRetryRatherThanFailing() {
        for (Throwable cause : new Throwable[] {
                new PgException("sorry, too many clients already", "FATAL", "53300", null),
                new PgException("the database system is starting up", "FATAL", "57P03", null),
                new ConnectException("Connection refused") }) {
            Response response = mappers.unexpected(new CompletionException(cause));
            assertThat(response.getStatus()).as(cause.getMessage()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
            assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
            assertThat((String) response.getEntity()).contains("database-unavailable");
        }
    }

    @Test
    void aLostRaceIsAConflictAndAnythingElseAnInternalErrorWithACorrelationId() {
        assertThat(mappers.unexpected(new PgException("duplicate key", "ERROR", "23505", null)).getStatus())
                .isEqualTo(409);
        Response broken = mappers.unexpected(new PgException("division by zero", "ERROR", "22012", null));
        assertThat(broken.getStatus()).isEqualTo(500);
        assertThat((String) broken.getEntity()).contains("correlationId");
    }
}
