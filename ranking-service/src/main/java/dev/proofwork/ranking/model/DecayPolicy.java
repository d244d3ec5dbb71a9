package dev.proofwork.ranking.model;

import jakarta.enterprise.context.ApplicationScoped;

/** How fast proof decays, per skill: the skill's own gamma where one is set, the default otherwise. */
@ApplicationScoped
public class DecayPolicy {

    private final ModelSettings settings;

    DecayPolicy(ModelSettings settings) {
        this.settings = settings;
    }

    public double gamma(String skill) {
        return settings.gammaBySkill().getOrDefault(skill, settings.gamma());
    }
}
