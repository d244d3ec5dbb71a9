package dev.proofwork.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * How fast the portal renders pages for many signed-in users at once, against a running stack. Each user
 * signs in once on Keycloak's page in Chromium; their session cookies then drive plain HTTP requests, so the
 * figures are the portal's own (and the services it calls), not the browser's. Users read each page for a
 * while ({@code --think-ms}, exponential with that mean; 0 asks again at once, which measures the ceiling).
 * Prints figures; never fails.
 *
 * <pre>
 * ./mvnw -q -pl e2e test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.proofwork.e2e.PortalBenchmark -Dexec.args="--users 50 --seconds 20"
 * </pre>
 */
public final class PortalBenchmark {

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--portal", "http://localhost:8080", "--users", "50",
                "--seconds", "20", "--user", "learner-lea", "--password", "proofwork",
                "--pages", "/learner/attempts,/learner/skills,/learner,/verify", "--think-ms", "1000,0"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String portal = options.get("--portal");
        int users = Integer.parseInt(options.get("--users"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("--seconds")));

        System.out.printf("signing in %d sessions of %s through Keycloak...%n", users, options.get("--user"));
        List<String> cookies = signIn(portal, users, options.get("--user"), options.get("--password"));

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        System.out.println("warming up (every page for a few seconds, not counted)...");
        for (String page : options.get("--pages").split(",")) {
            measure(http, portal, page, cookies, Duration.ofSeconds(4), 0, false);
        }
        for (String think : options.get("--think-ms").split(",")) {
            long thinkMillis = Long.parseLong(think);
            System.out.printf("%n%d users, %s%n%-22s %8s %8s %9s %9s %9s %7s%n", users, thinkMillis == 0
                    ? "each asking again as soon as a page arrives (the portal's ceiling)"
                    : "each reading a page for " + thinkMillis + " ms on average before the next",
                    "page", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors");
            for (String page : options.get("--pages").split(",")) {
                measure(http, portal, page, cookies, duration, thinkMillis, true);
            }
        }
    }

    private static List<String> signIn(String portal, int users, String user, String password) {
        List<String> cookies = new ArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            for (int i = 0; i < users; i++) {
                BrowserContext context = browser.newContext();
                Page page = context.newPage();
                page.navigate(portal + "/learner/attempts");
                page.fill("#username", user);
                page.fill("#password", password);
                page.click("#kc-login");
                page.waitForURL(portal + "/learner/attempts**");
                cookies.add(context.cookies(portal).stream().map(c -> c.name + "=" + c.value)
                        .collect(Collectors.joining("; ")));
                context.close();
            }
        }
        return cookies;
    }

    private static void measure(HttpClient http, String portal, String page, List<String> cookies, Duration duration,
            long thinkMillis, boolean print) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(cookies.size());
        List<Future<?>> users = new ArrayList<>();
        for (String cookie : cookies) {
            users.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(portal + page)).header("Cookie", cookie).build();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - start);
                    if (thinkMillis > 0) {
                        // reading times are exponential, so users do not march in step
                        Thread.sleep((long) (-thinkMillis * Math.log(1 - ThreadLocalRandom.current().nextDouble())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> user : users) {
            user.get();
        }
        pool.shutdown();
        if (!print) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-22s %8d %8.0f %9.1f %9.1f %9.1f %7d%n", page, sorted.size(),
                sorted.size() / (double) duration.toSeconds(), millis(sorted, 0.50), millis(sorted, 0.90),
                millis(sorted, 0.99), errors.get());
    }

    private static double millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
