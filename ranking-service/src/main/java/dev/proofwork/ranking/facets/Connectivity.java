package dev.proofwork.ranking.facets;

import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps, per skill, which learners, tasks and reviewers are connected through reviews, merging the smaller
 * component into the larger as reviews link them. A learner is comparable with the skill's main population
 * only when they sit in its largest component; otherwise their score is on a scale of its own.
 */
@ApplicationScoped
public class Connectivity {

    /** Each node new to the skill starts a component of its own, counted from the start. */
    private static final String ADD_NODES = """
            with added as (
                insert into facet_component (skill, node, root)
                values (:skill, :learner, :learner), (:skill, :task, :task), (:skill, :reviewer, :reviewer)
                on conflict do nothing returning skill, node)
            insert into facet_component_size (skill, root, nodes, learners)
            select skill, node, 1, case when node like 'L:%' then 1 else 0 end from added""";
    private static final String ROOTS_BY_SIZE = """
            select s.id.root from ComponentSize s where s.id.skill = :skill and s.id.root in (
                select c.root from FacetComponent c where c.id.skill = :skill and c.id.node in (:nodes))
            order by s.nodes desc, s.id.root""";
    private static final String MERGE = "update facet_component set root = :into where skill = :skill and root in (:from)";
    private static final String MERGE_SIZES = """
            with merged as (
                delete from facet_component_size where skill = :skill and root in (:from) returning nodes, learners)
            update facet_component_size set nodes = nodes + (select sum(nodes) from merged),
                learners = learners + (select sum(learners) from merged)
            where skill = :skill and root = :into""";
    private static final String LARGEST = """
            select s.id.root from ComponentSize s where s.id.skill = :skill order by s.nodes desc, s.id.root""";
    private static final String LEARNERS_OF = """
            select s.learners from ComponentSize s where s.id.skill = :skill and s.id.root = :root""";
    private static final String MEMBERS = "select c.id.node from FacetComponent c where c.id.skill = :skill and c.root = :root and c.id.node like :learners";
    private static final String MEMBERS_AMONG = "select c.id.node from FacetComponent c where c.id.skill = :skill and c.root = :root and c.id.node in (:nodes)";
    private static final String ROOT_OF = "select c.root from FacetComponent c where c.id.skill = :skill and c.id.node = :node";

    private final TransactionLocks locks;

    Connectivity(TransactionLocks locks) {
        this.locks = locks;
    }

    /**
     * Runs in the caller's transaction: the review joins its learner, task and reviewer into one component.
     * Merges of a skill's components take turns, so two reviews never merge the same component two ways
     * nor lose each other's counts.
     */
    public Uni<Void> link(String skill, String learner, String task, String reviewer) {
        List<String> nodes = List.of(learnerNode(learner), "T:" + task, "R:" + reviewer);
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD_NODES)
                .setParameter("skill", skill).setParameter("learner", nodes.get(0))
                .setParameter("task", nodes.get(1)).setParameter("reviewer", nodes.get(2)).executeUpdate()
                .chain(() -> roots(session, skill, nodes))
                .chain(roots -> roots.size() < 2 ? Uni.createFrom().voidItem()
                        : locks.lock("components", skill)
                                .chain(() -> roots(session, skill, nodes))
                                .chain(current -> current.size() < 2 ? Uni.createFrom().voidItem()
                                        : merge(session, skill, current.getFirst(), current.subList(1, current.size())))));
    }

    /** The components the nodes sit in, largest first. */
    private static Uni<List<String>> roots(Mutiny.Session session, String skill, List<String> nodes) {
        return session.createSelectionQuery(ROOTS_BY_SIZE, String.class)
                .setParameter("skill", skill).setParameter("nodes", nodes).getResultList();
    }

    private static Uni<Void> merge(Mutiny.Session session, String skill, String into, List<String> from) {
        return session.createNativeQuery(MERGE).setParameter("into", into).setParameter("skill", skill)
                .setParameter("from", from).executeUpdate()
                .chain(() -> session.createNativeQuery(MERGE_SIZES).setParameter("into", into)
                        .setParameter("skill", skill).setParameter("from", from).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Boolean> comparable(String skill, String learner) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(LARGEST, String.class)
                .setParameter("skill", skill).setMaxResults(1).getResultList()
                .chain(largest -> session.createSelectionQuery(ROOT_OF, String.class)
                        .setParameter("skill", skill).setParameter("node", learnerNode(learner)).getResultList()
                        .map(root -> !root.isEmpty() && !largest.isEmpty() && root.getFirst().equals(largest.getFirst()))));
    }

    /** The root of the skill's largest connected component, or null while the skill has no review. */
    public Uni<String> largestRoot(String skill) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(LARGEST, String.class)
                .setParameter("skill", skill).setMaxResults(1).getResultList()
                .map(largest -> largest.isEmpty() ? null : largest.getFirst()));
    }

    /** Which of {@code learners} sit in the skill's largest connected component: two queries, however large it is. */
    public Uni<Set<String>> comparableAmong(String skill, List<String> learners) {
        return learners.isEmpty() ? Uni.createFrom().item(Set.of())
                : learnersOfLargest(skill, MEMBERS_AMONG, "nodes", learners.stream().map(Connectivity::learnerNode).toList());
    }

    /** How many learners the component rooted at {@code root} holds. */
    public Uni<Long> learnersIn(String skill, String root) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(LEARNERS_OF, Integer.class)
                .setParameter("skill", skill).setParameter("root", root).getResultList()
                .map(found -> found.isEmpty() ? 0L : found.getFirst().longValue()));
    }

    /** The learners of the skill's largest connected component, the ones ranked against each other: two queries. */
    public Uni<Set<String>> comparableLearners(String skill) {
        return learnersOfLargest(skill, MEMBERS, "learners", learnerNode("%"));
    }

    /** The learners a query of the largest component's nodes finds, given its one parameter besides skill and root. */
    private Uni<Set<String>> learnersOfLargest(String skill, String query, String parameter, Object value) {
        return largestRoot(skill).chain(root -> root == null ? Uni.createFrom().item(Set.<String> of())
                : Panache.getSession().chain(session -> session.createSelectionQuery(query, String.class)
                        .setParameter("skill", skill).setParameter("root", root).setParameter(parameter, value)
                        .getResultList()
                        .map(nodes -> nodes.stream().map(node -> node.substring(learnerNode("").length()))
                                .collect(Collectors.toSet()))));
    }

    private static String learnerNode(String learner) {
        return "L:" + learner;
    }
}
