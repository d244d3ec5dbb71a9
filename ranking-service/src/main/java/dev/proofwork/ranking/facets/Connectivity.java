package dev.proofwork.ranking.facets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps, per skill, which learners, tasks and reviewers are connected through reviews, merging the smaller
 * component into the larger as reviews link them. A learner is comparable with the skill's main population
 * only when they sit in its largest component; otherwise their score is on a scale of its own.
 */
@ApplicationScoped
public class Connectivity {

    private static final String ADD_NODE = """
            insert into facet_component (skill, node, root) values (:skill, :node, :node) on conflict do nothing""";
    private static final String ROOTS_BY_SIZE = """
            select root from facet_component where skill = :skill and root in (
                select root from facet_component where skill = :skill and node in (:nodes))
            group by root order by count(*) desc, root""";
    private static final String MERGE = "update facet_component set root = :into where skill = :skill and root in (:from)";
    private static final String LARGEST = """
            select c.root from FacetComponent c where c.id.skill = :skill group by c.root order by count(c) desc, c.root""";
    private static final String MEMBERS = "select c.id.node from FacetComponent c where c.id.skill = :skill and c.root = :root and c.id.node like :learners";
    private static final String MEMBERS_AMONG = "select c.id.node from FacetComponent c where c.id.skill = :skill and c.root = :root and c.id.node in (:nodes)";
    private static final String ROOT_OF = "select c.root from FacetComponent c where c.id.skill = :skill and c.id.node = :node";

    /** Runs in the caller's transaction: the review joins its learner, task and reviewer into one component. */
    public Uni<Void> link(String skill, String learner, String task, String reviewer) {
        List<String> nodes = List.of(learnerNode(learner), "T:" + task, "R:" + reviewer);
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD_NODE)
                .setParameter("skill", skill).setParameter("node", nodes.get(0)).executeUpdate()
                .chain(() -> session.createNativeQuery(ADD_NODE).setParameter("skill", skill)
                        .setParameter("node", nodes.get(1)).executeUpdate())
                .chain(() -> session.createNativeQuery(ADD_NODE).setParameter("skill", skill)
                        .setParameter("node", nodes.get(2)).executeUpdate())
                .chain(() -> session.createNativeQuery(ROOTS_BY_SIZE, String.class)
                        .setParameter("skill", skill).setParameter("nodes", nodes).getResultList())
                .chain(roots -> roots.size() < 2 ? Uni.createFrom().item(0)
                        : session.createNativeQuery(MERGE).setParameter("into", roots.getFirst())
                                .setParameter("skill", skill).setParameter("from", roots.subList(1, roots.size()))
                                .executeUpdate()))
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
