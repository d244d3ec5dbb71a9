package dev.proofwork.runtime.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes many rows in few round trips, inside the caller's transaction. A batch of rows travels as one JSON
 * parameter that PostgreSQL reads back as a table ({@code json_to_recordset}) with each column's SQL type: one
 * short statement however many rows, where a multi-row {@code values} list costs a parameter per value for the
 * driver to bind and the server to parse (a refit writes 300,000 rows).
 */
public final class RowBatches {

    /** A value that is JSON already (an event's payload): it goes in as it is, for a {@code json}/{@code jsonb} column. */
    public record Json(String text) {
    }

    /** Rows per statement: a few megabytes of JSON at most, for the widest rows written this way. */
    private static final int ROWS = 10_000;
    private static final JsonFactory JSON = new JsonFactory();

    private RowBatches() {
    }

    /**
     * @param statement SQL with {@code %s} where the rows go as a table source named {@code v}
     *        ({@code ... from %s where f.key = v.key}), and no parameters of its own (a value every row shares,
     *        such as a skill, is a column like any other)
     * @param columns each column as {@code name type}, in the order of a row's values
     *        ({@code "facet_key text"}, {@code "mu float8"}, {@code "weights float8[]"}); a value is a string,
     *        number, boolean, UUID, {@link OffsetDateTime}, {@code double[]}, {@link Json} or null
     */
    public static Uni<Void> run(String statement, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // bound where PostgreSQL expects json, the driver would send the text as one JSON string
        String sql = statement.formatted("json_to_recordset(cast(cast(?1 as text) as json)) as v("
                + String.join(", ", columns) + ")");
        List<String> names = columns.stream().map(column -> column.strip().split("\\s+", 2)[0]).toList();
        List<List<Object[]>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS) {
            batches.add(rows.subList(from, Math.min(rows.size(), from + ROWS)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> Panache.getSession().chain(session -> session
                        .createNativeQuery(sql).setParameter(1, json(names, batch)).executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    private static String json(List<String> names, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (Object[] row : rows) {
                if (row.length != names.size()) {
                    throw new IllegalArgumentException("a row of " + row.length + " values for " + names.size() + " columns");
                }
                json.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    json.writeFieldName(names.get(c));
                    write(json, row[c]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number);
            case Boolean flag -> json.writeBoolean(flag);
            case UUID id -> json.writeString(id.toString());
            case OffsetDateTime time -> json.writeString(time.toString());
            case double[] numbers -> json.writeArray(numbers, 0, numbers.length);
            case Json raw -> json.writeRawValue(raw.text());
            default -> throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
        }
    }
}
