package dev.proofwork.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import dev.proofwork.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Every role's main journey through the portal in a real headless Chromium, signing in on Keycloak's own
 * pages: what a person sees is asserted (texts, figures, states), and each main page is kept as a screenshot.
 */
final class PortalJourneys implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final String portal;
    private final String kafka;
    private final Playwright playwright;
    private final Browser browser;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    /** @param kafka the stack's broker, to put a record on it that no consumer can read; null to skip that */
    PortalJourneys(String portal, String kafka) throws Exception {
        this.portal = portal;
        this.kafka = kafka;
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("proofwork.chromium", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(CHROMIUM_FLAGS));
    }

    /** Plays the marketplace once through the browser; returns what it saw, for the test to assert. */
    void play() {
        // one skill for every run: the realm's one reviewer is registered for it once, on a stack's first run
        String skill = "portal-journey";
        String work = "Counting distinct customers fixes the double count (" + run + ").";
        String title = "Fix the churn dashboard " + run;

        Page visitor = newPage(false);
        visitor.navigate(portal + "/verify");
        assertThat(visitor.locator("h1").textContent()).isEqualTo("Verify a proof");
        shot(visitor, "public-verify");

        // a reviewer signs in before anyone registered them: the queue tells them their id for the operator
        Page rita = signIn("reviewer-rita", "/reviewer");
        String ritaId = rita.locator("#account-id").textContent().strip();
        assertThat(ritaId).isNotBlank();

        Page ops = signIn("ops", "/operator");
        ops.fill("#subject", ritaId);
        ops.fill("#skills", skill);
        ops.click("text=Register reviewer");
        assertThat(ops.content()).contains(ritaId); // newly registered, or already (a 409 the page shows)

        Page acme = signIn("employer-acme", "/employer");
        acme.fill("#amount", "750.00");
        acme.click("form[action='/employer/deposits'] button");
        acme.waitForURL(portal + "/employer");
        assertThat(acme.locator("text=Available").first().isVisible()).isTrue();
        shot(acme, "employer-dashboard");

        acme.navigate(portal + "/employer/auditions/new");
        acme.fill("#title", title);
        acme.fill("#skill", skill);
        acme.fill("#brief", "Our churn dashboard counts reactivated customers twice. Find out why and fix the query.");
        acme.fill("#deliverables", "the corrected query\na note on the cause");
        acme.fill("#key0", "correctness");
        acme.fill("#desc0", "The numbers match the ledger");
        acme.fill("#weight0", "0.5");
        acme.fill("#key1", "clarity");
        acme.fill("#desc1", "Readable SQL");
        acme.fill("#weight1", "0.4");
        acme.fill("#key2", "tests");
        acme.fill("#desc2", "A check that fails on the double count");
        acme.fill("#weight2", "0.1");
        assertThat(acme.locator("#weight-sum").textContent()).startsWith("1.00");
        // a fifth criterion is one click away, and counts in the sum as it is typed
        acme.click("#add-criterion");
        acme.fill("#weight4", "0.1");
        assertThat(acme.locator("#weight-sum").textContent()).startsWith("1.10");
        acme.fill("#weight4", "");
        acme.fill("#seats", "5");
        acme.fill("#reviewersPerSubmission", "1");
        shot(acme, "employer-draft");
        acme.click("text=Save draft");
        acme.waitForURL("**/employer/auditions/**");
        // second thoughts: the draft opens filled in, and its edit is saved
        acme.click("text=Edit");
        assertThat(acme.inputValue("#title")).isEqualTo(title);
        assertThat(acme.inputValue("#weight1")).isEqualTo("0.4");
        acme.fill("#seats", "6");
        acme.click("text=Save draft");
        assertThat(acme.content()).contains("/6 seats");
        acme.click("text=Submit for scoping");
        assertThat(acme.locator(".status").first().textContent()).isEqualTo("IN_SCOPING");

        ops.navigate(portal + "/operator");
        Locator scope = ops.locator("article", new Page.LocatorOptions().setHasText(title));
        shot(ops, "operator-desk");
        scope.locator("button[value=approve]").click();
        ops.waitForURL(portal + "/operator");
        assertThat(ops.locator("article", new Page.LocatorOptions().setHasText(title)).count()).isZero();

        acme.reload();
        acme.click("text=Publish and fund");
        await("the audition opens once its escrow is funded", () -> {
            acme.reload();
            return "OPEN".equals(acme.locator(".status").first().textContent());
        });

        // a newcomer signs up on Keycloak's own registration page and lands in the learner area
        String learnerName = "newcomer-" + run;
        Page learner = signUp(learnerName);
        learner.navigate(portal + "/learner?skill=" + skill);
        Locator card = learner.locator("article", new Page.LocatorOptions().setHasText(title));
        assertThat(card.textContent()).contains("45.00 EUR").contains("Chance of passing QA");
        shot(learner, "learner-auditions");
        card.locator("a").first().click();
        learner.click("text=Claim a seat and start the clock");
        String attemptPage = learner.url();
        String countdown = learner.locator(".countdown").textContent();
        assertThat(countdown).matches("\\d+:\\d\\d:\\d\\d|\\d\\d:\\d\\d");
        learner.fill("#content", work);
        learner.fill("#links", "https://example.com/proposed-fix");
        learner.setInputFiles("#files", new FilePayload("churn-fix.sql", "application/sql",
                "select count(distinct customer_id) from subscriptions;".getBytes(StandardCharsets.UTF_8)));
        shot(learner, "learner-attempt");
        learner.click("text=Hand in");
        assertThat(learner.locator(".notice").textContent()).contains("Your work is in");

        // the reviewer sees the work, never who wrote it
        await("the work reaches the reviewer's queue", () -> {
            rita.navigate(portal + "/reviewer");
            return rita.content().contains(work);
        });
        Locator task = rita.locator("article", new Page.LocatorOptions().setHasText(work));
        assertThat(task.innerHTML()).doesNotContain(learnerName).doesNotContain("churn-fix.sql").contains("deliverable 1");
        assertThat(rita.content()).doesNotContain(learnerName);
        shot(rita, "reviewer-queue");
        task.locator("select[name='score.correctness']").selectOption("4");
        task.locator("select[name='score.clarity']").selectOption("3");
        task.locator("select[name='score.tests']").selectOption("4");
        task.locator("text=Send review").click();
        rita.waitForURL(portal + "/reviewer");
        assertThat(rita.content()).doesNotContain(work);

        // the employer reads the scored work under a pseudonym and asks to meet its author
        await("the score reaches the employer", () -> {
            acme.reload();
            return acme.content().contains("SCORED");
        });
        assertThat(acme.content()).contains("candidate-").doesNotContain(learnerName).contains("90%");
        shot(acme, "employer-audition");
        acme.click("text=Ask for contact");

        // the operator follows the QA case: who reviewed, the scores, the spread
        ops.navigate(portal + "/operator");
        ops.click("text=" + title);
        await("the ranking reads the rubric as the employer weighted it until a refit", () -> {
            ops.reload();
            return ops.content().contains("Until a refit has read its reviews");
        });
        ops.click("text=QA case");
        assertThat(ops.content()).contains("SCORED").contains("correctness 4").contains("Agree with a reviewer");
        shot(ops, "operator-qa-case");
        // and how the ranking weighs the reviewer in the skill: severity now, noise once a refit has run
        ops.navigate(portal + "/operator");
        ops.click("a:has-text('" + ritaId + "')");
        await("the review reaches the ranking model", () -> {
            ops.reload();
            return ops.content().contains("<td>" + skill + "</td>");
        });
        assertThat(ops.content()).contains("As the ranking model weighs them").contains("Gold items reviewed");
        // a refit on demand learns how much each criterion counts: alike while one review is all it has seen
        ops.navigate(portal + "/operator");
        ops.fill("#refit-skill", skill);
        ops.click("form[action='/operator/refits'] button");
        assertThat(ops.locator(".notice").textContent()).contains("Refit");
        ops.click("text=" + title);
        Locator reading = ops.locator("section", new Page.LocatorOptions().setHasText("How the ranking reads its rubric"));
        assertThat(reading.locator("tbody td").allTextContents().stream().map(String::strip)).containsExactly(
                "correctness", "50%", "33%", "clarity", "40%", "33%", "tests", "10%", "33%");
        shot(ops, "operator-audition");
        ops.fill("#gold-content", "Gold: counting distinct customer ids over the reactivation join.");
        ops.locator("#gold-correctness").selectOption("4");
        ops.locator("#gold-clarity").selectOption("3");
        ops.locator("#gold-tests").selectOption("4");
        ops.click("text=Add gold item");
        assertThat(ops.locator(".notice").textContent()).contains("Gold item added");

        // the learner reads their result per criterion and may appeal it once
        learner.navigate(attemptPage.replaceAll("\\?.*", ""));
        assertThat(learner.content()).contains("final score").contains("correctness: <strong>4</strong>")
                .contains("Appeal this score once");
        shot(learner, "learner-result");

        learner.navigate(portal + "/learner/requests");
        assertThat(learner.content()).contains(title);
        shot(learner, "learner-contact-requests");
        learner.click("text=Accept: share who I am");

        acme.reload();
        Locator hire = acme.locator("form[action$='/hires']");
        hire.locator("input[name=role]").fill("Analytics engineer");
        hire.locator("input[name=hiredOn]").fill(LocalDate.now(ZoneOffset.UTC).toString());
        hire.locator("text=Report hire").click();
        acme.waitForURL("**/employer/auditions/**");
        assertThat(acme.locator(".field-error").count()).isZero();
        acme.click("text=Close now");
        await("the close invoice is issued", () -> {
            acme.navigate(portal + "/employer/invoices");
            return acme.locator("a[href^='/employer/invoices/INV-']").count() > 0;
        });
        shot(acme, "employer-invoices");
        acme.locator("a[href^='/employer/invoices/INV-']").first().click();
        assertThat(acme.content()).contains("INV-");
        shot(acme, "employer-invoice");

        ops.navigate(portal + "/operator");
        ops.click("text=Run payouts now");
        assertThat(ops.locator(".notice").textContent()).contains("Payout run");
        assertThat(ops.content()).contains("balanced");

        if (kafka != null) {
            // a record no consumer can read: the operator finds it on the dead-letter page with its reason, from
            // each service that consumes the topic, and sees that it is nothing to replay
            String poison = "portal-poison-" + run;
            RawRecords.notAnEvent(kafka, Topics.ATTEMPTS, poison);
            await("the unreadable record on the dead-letter page", () -> {
                ops.navigate(portal + "/operator/dead-letters");
                return ops.locator("#dead-letters-payout article", new Page.LocatorOptions().setHasText(poison)).count() == 1
                        && ops.locator("#dead-letters-scoring article", new Page.LocatorOptions().setHasText(poison)).count() == 1;
            });
            assertThat(ops.locator("article", new Page.LocatorOptions().setHasText(poison)).first().textContent())
                    .contains("not an event").contains(Topics.ATTEMPTS).contains("Cannot be replayed");
            shot(ops, "operator-dead-letters");
        }

        learner.navigate(portal + "/learner/payouts");
        shot(learner, "learner-payouts");
        await("the learner's ranking appears", () -> {
            learner.navigate(portal + "/learner/skills");
            return learner.content().contains(skill);
        });
        learner.locator("section", new Page.LocatorOptions().setHasText(skill)).locator("text=Mint a proof").click();
        String shareLink = learner.locator("code.credential").textContent().strip();
        shot(learner, "learner-skills");

        // why the score is what it is: the chart over time, the review behind it and the operator's refit since
        learner.click("a[href='/learner/skills/" + skill + "'] >> nth=0");
        assertThat(learner.locator("svg.score-chart polyline.published").getAttribute("points")).contains(",");
        List<String> moves = learner.locator("table tbody tr").allTextContents();
        assertThat(moves.get(0)).contains("Refit of the whole skill");
        assertThat(moves).anyMatch(move -> move.contains("A review of your work"));
        shot(learner, "learner-skill-history");

        Page anyone = newPage(false);
        anyone.navigate(portal + shareLink);
        assertThat(anyone.locator(".verdict").textContent()).isEqualTo("VALID");
        assertThat(anyone.content()).contains(skill);
        shot(anyone, "public-verified-proof");

        Page phone = newPage(true);
        phone.navigate(portal + shareLink);
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits a 360 px screen").isTrue();
        shot(phone, "phone-verified-proof");
    }

    private Page newPage(boolean phone) {
        BrowserContext context = browser.newContext(phone
                ? new Browser.NewContextOptions().setViewportSize(360, 740)
                : new Browser.NewContextOptions().setViewportSize(1200, 900));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** Keycloak's login page, then back to the portal area. */
    private Page signIn(String username, String area) {
        Page page = newPage(false);
        page.navigate(portal + area);
        page.fill("#username", username);
        page.fill("#password", "proofwork");
        page.click("#kc-login");
        page.waitForURL(portal + area + "**");
        return page;
    }

    private Page signUp(String username) {
        Page page = newPage(false);
        page.navigate(portal + "/login");
        page.click("text=Register");
        page.fill("#username", username);
        page.fill("#email", username + "@example.com");
        page.fill("#firstName", "New");
        page.fill("#lastName", "Comer");
        page.fill("#password", "proofwork-" + run);
        page.fill("#password-confirm", "proofwork-" + run);
        page.locator("input[type=submit], button[type=submit]").first().click();
        try {
            page.waitForURL(portal + "/learner**");
        } catch (RuntimeException e) {
            shot(page, "failed-sign-up");
            throw e;
        }
        return page;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("waited 60 s for " + what);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
