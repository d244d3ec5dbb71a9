package dev.proofwork.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays the seeded marketplace against running services with tokens from Keycloak and prints the summary.
 * {@code ./proofwork up} runs it; flags: --learners, --auditions, --reviewers, --seed, --appeal-window (ISO-8601).
 */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = new HashMap<>(Map.of("learners", "30", "auditions", "4", "reviewers", "6",
                "seed", "42", "appeal-window", "PT30S"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !flags.containsKey(args[i].substring(2))) {
                System.err.println("unknown flag " + args[i] + "; known: " + flags.keySet());
                System.exit(2);
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        ScenarioConfig config = ScenarioConfig.local(Integer.parseInt(flags.get("learners")),
                Integer.parseInt(flags.get("auditions")), Integer.parseInt(flags.get("reviewers")),
                Long.parseLong(flags.get("seed")), Duration.parse(flags.get("appeal-window")));
        TokenSource tokens = new KeycloakTokens(env("KEYCLOAK_URL", "http://localhost:8180"),
                env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        System.out.println("Playing a marketplace of " + config.learners() + " learners, " + config.auditions()
                + " auditions and " + config.reviewers() + " reviewers (seed " + config.seed() + ")");
        try {
            Summary.print(new Scenario(config, tokens, System.out::println).play(), System.out);
        } catch (ScenarioException e) {
            System.err.println("scenario failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
