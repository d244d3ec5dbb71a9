package dev.proofwork.ranking.model;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** The facets model's settings ({@code proofwork.ranking.*}), read and checked once at start. */
@ConfigMapping(prefix = "proofwork.ranking")
public interface ModelSettings {

    /** Standard deviation of one review's noise on the latent scale. */
    double noiseSigma();

    /** How fast certainty decays without evidence: a learner's variance grows by gamma² a day. */
    double gamma();

    /**
     * Skills whose certainty decays faster or slower than {@link #gamma()}, for tools that change faster:
     * {@code proofwork.ranking.gamma-by-skill.frontend-react=0.08}.
     */
    Map<String, Double> gammaBySkill();

    /** When a skill is refitted without an operator asking. */
    Refit refit();

    interface Refit {

        /** A skill with new reviews is refitted once its last refit is this old. */
        Duration every();

        /** A skill is refitted as soon as this many reviews arrived since its last refit. */
        int afterReviews();

        /**
         * A skill is refitted as soon as a task no refit has seen has this many reviews: a new cohort, which the
         * online step cannot place against the others (it would read a strong cohort as an easy task).
         */
        int newTaskReviews();

        /** How often to look for skills that are due (a scheduler interval, such as {@code 1m}). */
        String checkEvery();
    }
}
