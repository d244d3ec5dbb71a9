package dev.proofwork.ranking.model;

import io.smallrye.config.ConfigMapping;
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
}
