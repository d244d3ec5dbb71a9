package dev.proofwork.runtime.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes many rows in few round trips: a statement with one {@code %s} where a multi-row {@code values} list
 * goes is run once per batch of rows, inside the caller's transaction. Each column is cast to its SQL type,
 * so PostgreSQL never has to guess one from a bare parameter.
 */
public final class RowBatches {

    /** Rows per statement: well under PostgreSQL's 65,535 parameters for the widest row written this way. */
    private static final int ROWS = 500;

    private RowBatches() {
    }

    /**
     * @param statement SQL with {@code %s} where the values list goes, and no parameters of its own (a value
     *        every row shares, such as a skill, is a column like any other)
     * @param types the SQL type of each column, as a cast accepts it ({@code text}, {@code float8}, ...)
     */
    public static Uni<Void> run(String statement, List<String> types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<Object[]>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS) {
            batches.add(rows.subList(from, Math.min(rows.size(), from + ROWS)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(statement.formatted(values(batch.size(), types)));
                    int position = 1;
                    for (Object[] row : batch) {
                        for (Object value : row) {
                            query.setParameter(position++, value);
                        }
                    }
                    return query.executeUpdate();
                }))
                .collect().last().replaceWithVoid();
    }

    private static String values(int rows, List<String> types) {
        StringJoiner all = new StringJoiner(", ");
        int position = 1;
        for (int r = 0; r < rows; r++) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (String type : types) {
                row.add("cast(?" + position++ + " as " + type + ")");
            }
            all.add(row.toString());
        }
        return all.toString();
    }
}
