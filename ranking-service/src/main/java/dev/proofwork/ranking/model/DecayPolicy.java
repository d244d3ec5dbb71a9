package dev.proofwork.ranking.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How fast proof decays, per skill: a learner's variance grows by gamma² a day without new evidence.
 * {@code proofwork.ranking.gamma} is the default; {@code proofwork.ranking.gamma-by-skill} overrides it,
 * e.g. {@code sql-analytics=0.03,frontend-react=0.08} for a skill whose tools change faster.
 */
@ApplicationScoped
public class DecayPolicy {

    private final double defaultGamma;
    private final Map<String, Double> bySkill = new HashMap<>();

    DecayPolicy(@ConfigProperty(name = "proofwork.ranking.gamma") double defaultGamma,
            @ConfigProperty(name = "proofwork.ranking.gamma-by-skill") Optional<String> bySkill) {
        this.defaultGamma = defaultGamma;
        bySkill.ifPresent(spec -> {
            for (String entry : spec.split(",")) {
                String[] pair = entry.split("=");
                if (pair.length != 2) {
                    throw new IllegalArgumentException("proofwork.ranking.gamma-by-skill entries are skill=gamma: " + entry);
                }
                this.bySkill.put(pair[0].trim(), Double.parseDouble(pair[1].trim()));
            }
        });
    }

    public double gamma(String skill) {
        return bySkill.getOrDefault(skill, defaultGamma);
    }
}
