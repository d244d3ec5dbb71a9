package dev.proofwork.ranking.outcome;

import dev.proofwork.events.AuditionEvent.HireReported;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Outcome transparency: of the learners ranked in a skill, how many in each score band employers report
 * hiring. Bands with fewer than {@value #MIN_CANDIDATES} candidates are suppressed, so a rate never
 * points at a handful of people.
 */
@ApplicationScoped
public class BaseRates {

    static final int MIN_CANDIDATES = 5;
    static final int BAND_WIDTH = 200;

    private static final String BY_BAND = """
            select least(f.published_score / 200, 4) as band, count(*) as candidates, count(h.learner_id) as hired
            from facet f
            left join (select distinct learner_id from hire_outcome where skill = $1) h on h.learner_id = f.facet_key
            where f.skill = $1 and f.kind = 'LEARNER'
            group by band order by band""";

    public record Band(int from, int to, boolean suppressed, Long candidates, Long hired, Double hireRate) {
    }

    private final Pool pool;

    BaseRates(Pool pool) {
        this.pool = pool;
    }

    /** Runs in the consumer's transaction; a hire is counted once per submission. */
    public Uni<Void> record(HireReported hire) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into hire_outcome (submission_id, learner_id, skill, hired_at)
                        values (:submission, :learner, :skill, :hiredAt) on conflict do nothing""")
                .setParameter("submission", hire.submissionId())
                .setParameter("learner", hire.learnerId())
                .setParameter("skill", hire.skill())
                .setParameter("hiredAt", OffsetDateTime.ofInstant(hire.hiredAt(), ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<Band>> of(String skill) {
        return pool.preparedQuery(BY_BAND).execute(Tuple.of(skill)).map(rows -> {
            List<Band> bands = new ArrayList<>();
            for (Row row : rows) {
                int band = row.getInteger("band");
                long candidates = row.getLong("candidates");
                long hired = row.getLong("hired");
                int from = band * BAND_WIDTH;
                int to = band == 4 ? 1000 : from + BAND_WIDTH - 1;
                bands.add(candidates < MIN_CANDIDATES
                        ? new Band(from, to, true, null, null, null)
                        : new Band(from, to, false, candidates, hired, (double) hired / candidates));
            }
            return bands;
        });
    }
}
