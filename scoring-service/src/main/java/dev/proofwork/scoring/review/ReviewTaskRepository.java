package dev.proofwork.scoring.review;

import dev.proofwork.scoring.appeal.Appeal;
import dev.proofwork.scoring.audition.ScoringAudition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReviewTaskRepository implements PanacheRepositoryBase<ReviewTask, UUID> {

    /** A task with what any decision on it reads: the work, the audition's rubric, and the appeal it answers. */
    public record TaskContext(ReviewTask task, ReviewSubmission submission, ScoringAudition audition, Appeal appeal) {

        private static TaskContext of(Object[] row) {
            return new TaskContext((ReviewTask) row[0], (ReviewSubmission) row[1], (ScoringAudition) row[2],
                    (Appeal) row[3]);
        }
    }

    private static final String CONTEXT = """
            select t, s, a, ap from ReviewTask t
              join ReviewSubmission s on s.id = t.submissionId
              join ScoringAudition a on a.auditionId = s.auditionId
              left join Appeal ap on ap.submissionId = s.id and t.kind = :appeal
            """;

    /** The task in its context, in one query; null when there is no such task. */
    public Uni<TaskContext> context(UUID taskId) {
        return getSession().chain(session -> session.createSelectionQuery(CONTEXT + "where t.id = :task", Object[].class)
                        .setParameter("appeal", TaskKind.APPEAL)
                        .setParameter("task", taskId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : TaskContext.of(rows.getFirst()));
    }

    /** The reviewer's open tasks, each in its context, in one query. */
    public Uni<List<TaskContext>> openContexts(UUID reviewerId) {
        return getSession().chain(session -> session.createSelectionQuery(
                                CONTEXT + "where t.reviewerId = :reviewer and t.status = :assigned", Object[].class)
                        .setParameter("appeal", TaskKind.APPEAL)
                        .setParameter("reviewer", reviewerId)
                        .setParameter("assigned", TaskStatus.ASSIGNED)
                        .getResultList())
                .map(rows -> rows.stream().map(TaskContext::of).toList());
    }
}
