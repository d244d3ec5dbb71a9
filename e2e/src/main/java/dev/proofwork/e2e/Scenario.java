package dev.proofwork.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded marketplace played through the public REST API only. Employers of two orgs fund and publish
 * auditions in two skills (one anchor task each); learners with hidden true abilities claim seats and
 * submit; simulated reviewers of differing severity score from their queues; one learner copies another,
 * one hands in junk, one submits after their timebox, one appeals; then the auditions close, bonuses
 * settle, a payout run pays, and the top learners mint and verify proofs.
 */
public final class Scenario {

    private static final List<String> SKILLS = List.of("java", "sql");
    private static final String EUR = "EUR";
    private static final long PAY = 2_500;
    private static final Pattern WORK_TOKEN = Pattern.compile("W-[0-9a-f]{12}");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String[] WORDS = ("index query join table schema cache thread lock retry batch commit rollback "
            + "stream buffer parse token vector merge split filter reduce map key value hash tree graph node edge "
            + "queue stack heap sort search scan plan cost estimate metric trace span log alert deploy build test "
            + "mock fixture assert verify refactor extract inline rename module package class method field record "
            + "enum interface sealed switch pattern guard loop branch return yield await future promise channel "
            + "socket request response header status retry backoff timeout deadline budget quota shard replica "
            + "leader follower quorum vote term epoch offset partition topic consumer producer broker").split(" ");

    enum Kind {
        WORK, JUNK, COPY
    }

    record Learner(Identity id, String skill, Map<String, Double> ability) {
    }

    record Reviewer(Identity id, double severity) {
    }

    record Plan(String orgId, String skill, String title, boolean anchor, int seats, int timeboxMinutes,
            long bonusPoolMinor, int bonusTopN, double difficulty) {
    }

    record Audition(UUID id, Plan plan) {
    }

    record Work(String token, Learner learner, Audition audition, Kind kind, String content, UUID submissionId) {
    }

    private final ScenarioConfig config;
    private final TokenSource tokens;
    private final Consumer<String> progress;
    private final Random random;
    private final Http http = new Http();
    private final String tag;
    private final Identity operator;
    private final Map<String, Identity> employers = new LinkedHashMap<>();
    private final List<Learner> learners = new ArrayList<>();
    private final List<Reviewer> reviewers = new ArrayList<>();
    private final List<Audition> auditions = new ArrayList<>();
    private final Map<String, Work> works = new LinkedHashMap<>();
    private final List<String> registered = new ArrayList<>();
    private Supplier<Outcome> observe;

    public Scenario(ScenarioConfig config, TokenSource tokens, Consumer<String> progress) {
        this.config = config;
        this.tokens = tokens;
        this.progress = progress;
        this.random = new Random(config.seed());
        // names are new on every run, so a run against a stack that has seen others starts clean
        this.tag = UUID.randomUUID().toString().substring(0, 6);
        this.operator = Identity.of("operator-" + tag, "operator");
    }

    public Outcome play() {
        try {
            return playCast();
        } finally {
            dismissReviewers();
        }
    }

    private Outcome playCast() {
        cast();
        step("registering " + reviewers.size() + " reviewers", this::registerReviewers);
        step("funding " + employers.size() + " employer orgs", this::fundOrgs);
        step("drafting, scoping and publishing " + config.auditions() + " auditions and a one-minute one", this::publishAuditions);
        Audition shortOne = auditions.getLast();
        Learner late = learners.getFirst();
        UUID lateAttempt = claim(late, shortOne);
        Instant lateClaimedAt = Instant.now();
        step(learners.size() + " learners claiming seats and submitting", this::submitWork);
        step("operator resolving the duplicate", this::resolveDuplicate);
        step("reviewers scoring from their queues", () -> reviewUntil("every submission scored", this::allScored));
        Work appealed = appealedWork();
        step("one learner appealing, an independent reviewer deciding", () -> appeal(appealed));
        int lateStatus = submitLate(late, lateAttempt, lateClaimedAt);
        step("employers closing their auditions", this::closeAuditions);
        step("learners adding payout accounts (one does not)", this::addPayoutAccounts);
        step("waiting out the appeal window for bonuses to settle (" + config.appealWindow() + ")", this::awaitSettlement);
        step("operator running payouts", () -> http.post(config.payoutUrl() + "/api/v1/payout-runs", token(operator), null).expect(200));
        List<String> proofs = new ArrayList<>();
        step("top learners minting and verifying proofs", () -> proofs.addAll(mintProofs()));
        observe = () -> collect(lateStatus, appealed, proofs);
        return observe.get();
    }

    /** Reads the outcome of the played scenario again, as the services tell it now (reads only). */
    public Outcome observe() {
        if (observe == null) {
            throw new IllegalStateException("the scenario has not been played to its end");
        }
        return observe.get();
    }

    private void step(String what, Runnable action) {
        progress.accept("  - " + what);
        try {
            action.run();
        } catch (ScenarioException e) {
            throw new ScenarioException("step '" + what + "' failed: " + e.getMessage(), e);
        }
    }

    private String token(Identity who) {
        return tokens.token(who);
    }

    private void cast() {
        for (String org : List.of("acme", "globex")) {
            String orgId = org + "-" + tag;
            employers.put(orgId, new Identity("employer-" + orgId, "employer", orgId));
        }
        for (int i = 0; i < config.reviewers(); i++) {
            reviewers.add(new Reviewer(Identity.of("reviewer-%02d-%s".formatted(i, tag), "reviewer"),
                    random.nextGaussian() * 0.5));
        }
        for (int i = 0; i < config.learners(); i++) {
            Map<String, Double> ability = new HashMap<>();
            SKILLS.forEach(skill -> ability.put(skill, random.nextGaussian()));
            learners.add(new Learner(Identity.of("learner-%03d-%s".formatted(i, tag), "learner"), SKILLS.get(i % 2), ability));
        }
    }

    private void registerReviewers() {
        for (Reviewer reviewer : reviewers) {
            registered.add(http.post(config.scoringUrl() + "/api/v1/reviewers", token(operator), Map.of(
                    "subject", tokens.subject(reviewer.id()), "skills", SKILLS, "maxOpenReviews", 100)).expect(201)
                    .body().path("id").asText());
        }
    }

    /** The scenario's reviewers leave when it ends, so a later run never waits for their open tasks. */
    private void dismissReviewers() {
        for (String id : registered) {
            http.post(config.scoringUrl() + "/api/v1/reviewers/" + id + "/deactivate", token(operator), null);
        }
    }

    private void fundOrgs() {
        long perAudition = config.learners() * 4_000L + 20_000;
        for (Identity employer : employers.values()) {
            http.send("POST", config.payoutUrl() + "/api/v1/employers/" + employer.orgId() + "/deposits", token(employer),
                    Map.of("amountMinor", perAudition * (config.auditions() + 2), "currency", EUR),
                    Map.of("Idempotency-Key", "scenario-" + tag + "-" + employer.orgId())).expect(201, 200);
        }
    }

    private void publishAuditions() {
        List<String> orgs = List.copyOf(employers.keySet());
        for (int i = 0; i < config.auditions(); i++) {
            String skill = SKILLS.get(i % 2);
            boolean anchor = i < 2;
            String title = (anchor ? "Anchor: " : "") + (skill.equals("java") ? "Fix a flaky integration test #" : "Speed up a slow report query #") + i;
            Plan plan = new Plan(orgs.get((i / 2) % orgs.size()), skill, title, anchor, config.learners(), 60,
                    i < 2 ? 3_000 - i * 1_000L : 0, i < 2 ? 3 - i : 0, random.nextGaussian() * 0.5);
            auditions.add(publish(plan));
        }
        auditions.add(publish(new Plan(orgs.getFirst(), "java", "One-minute warm-up", false, 2, 1, 0, 0, 0)));
    }

    private Audition publish(Plan plan) {
        Identity employer = employers.get(plan.orgId());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("title", plan.title());
        spec.put("brief", "A task as on day one of the job: " + plan.title());
        spec.put("skill", plan.skill());
        spec.put("deliverables", List.of("a change with tests", "a short note on the approach"));
        spec.put("rubric", List.of(
                Map.of("key", "correctness", "description", "it does what the brief asks", "weight", 0.4, "maxScore", 5),
                Map.of("key", "tests", "description", "its tests cover the change", "weight", 0.2, "maxScore", 5),
                Map.of("key", "clarity", "description", "a reviewer can follow it", "weight", 0.4, "maxScore", 5)));
        spec.put("timeboxMinutes", plan.timeboxMinutes());
        spec.put("seats", plan.seats());
        spec.put("payPerSubmission", Map.of("amountMinor", plan.timeboxMinutes() == 1 ? 1_500 : PAY, "currency", EUR));
        spec.put("reviewersPerSubmission", 2);
        spec.put("scoreTolerance", 0.25);
        spec.put("closesAt", Instant.now().plus(Duration.ofHours(3)).toString());
        spec.put("anchor", plan.anchor());
        if (plan.bonusPoolMinor() > 0) {
            spec.put("bonus", Map.of("poolMinor", plan.bonusPoolMinor(), "topN", plan.bonusTopN()));
        }
        String base = config.auditionUrl() + "/api/v1/auditions";
        UUID id = UUID.fromString(http.post(base, token(employer), spec).expect(201).body().path("id").asText());
        http.post(base + "/" + id + "/submit-for-scoping", token(employer), null).expect(200);
        http.post(base + "/" + id + "/scope-approval", token(operator), Map.of("approved", true, "anchor", plan.anchor()))
                .expect(200);
        http.post(base + "/" + id + "/publish", token(employer), null).expect(202);
        await("audition '" + plan.title() + "' open (escrow funded)", () -> {
            JsonNode audition = http.get(base + "/" + id, token(employer)).expect(200).body();
            if (audition.path("status").asText().equals("SCOPED") && !audition.path("fundingShortfall").isNull()) {
                throw new ScenarioException("escrow refused for '" + plan.title() + "': shortfall " + audition.path("fundingShortfall"));
            }
            return audition.path("status").asText().equals("OPEN");
        });
        return new Audition(id, plan);
    }

    private UUID claim(Learner learner, Audition audition) {
        return UUID.fromString(http.post(config.auditionUrl() + "/api/v1/auditions/" + audition.id() + "/attempts",
                token(learner.id()), null).expect(201).body().path("attemptId").asText());
    }

    private UUID submit(Learner learner, UUID attempt, String content) {
        return UUID.fromString(http.post(config.auditionUrl() + "/api/v1/attempts/" + attempt + "/submission",
                token(learner.id()), Map.of("content", content, "links", List.of())).expect(201).body()
                .path("submissionId").asText());
    }

    private String freshToken() {
        return "W-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private String prose(String token) {
        StringBuilder text = new StringBuilder("Solution ").append(token).append(".");
        for (int i = 0; i < 90; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** Each learner does their skill's anchor task and one other audition of it; the cast's extras act up. */
    private void submitWork() {
        Learner junkAuthor = learners.get(1);
        Learner copier = learners.get(2);
        Learner original = learners.get(4);
        List<Audition> regular = auditions.subList(0, config.auditions());
        Work copied = null;
        for (Learner learner : learners) {
            if (learner == copier) {
                continue;
            }
            List<Audition> mine = regular.stream().filter(a -> a.plan().skill().equals(learner.skill())).toList();
            List<Audition> picks = new ArrayList<>(List.of(mine.getFirst()));
            if (mine.size() > 1) {
                picks.add(mine.get(1 + random.nextInt(mine.size() - 1)));
            }
            for (Audition audition : picks) {
                String workToken = freshToken();
                boolean junk = learner == junkAuthor && audition == picks.getLast();
                String content = junk ? "lorem ipsum dolor sit amet " + workToken : prose(workToken);
                UUID submission = submit(learner, claim(learner, audition), content);
                Work work = new Work(workToken, learner, audition, junk ? Kind.JUNK : Kind.WORK, content, submission);
                works.put(workToken, work);
                if (learner == original && audition == picks.getFirst()) {
                    copied = work;
                }
            }
        }
        // the copier does nothing but hand in the original's anchor work word for word
        Work source = copied;
        UUID copy = submit(copier, claim(copier, source.audition()), source.content());
        works.put("copy", new Work("copy", copier, source.audition(), Kind.COPY, source.content(), copy));
        progress.accept("    " + works.size() + " submissions in");
    }

    /** Scoring's QA view of a submission; a missing node while scoring has not consumed the submission yet. */
    private JsonNode qa(UUID submission) {
        Http.Response response = http.get(config.scoringUrl() + "/api/v1/submissions/" + submission + "/qa", token(operator))
                .expect(200, 404);
        return response.status() == 404 ? Http.JSON.missingNode() : response.body();
    }

    private void resolveDuplicate() {
        Work copy = works.get("copy");
        await("the copy flagged as a near duplicate", () -> qa(copy.submissionId()).path("flags").size() > 0);
        String flag = qa(copy.submissionId()).path("flags").path(0).path("flagId").asText();
        http.post(config.scoringUrl() + "/api/v1/submissions/" + copy.submissionId() + "/flags/" + flag + "/resolve",
                token(operator), Map.of("verdict", "DUPLICATE")).expect(200);
    }

    private boolean allScored() {
        return works.values().stream().allMatch(work -> {
            String status = qa(work.submissionId()).path("status").asText();
            return status.equals("SCORED") || status.equals("REJECTED");
        });
    }

    /** Rounds over every reviewer's queue until the condition holds. */
    private void reviewUntil(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        int reviewed = 0;
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new ScenarioException("not reached within " + PATIENCE + ": " + what);
            }
            int round = 0;
            for (Reviewer reviewer : reviewers) {
                for (JsonNode item : http.get(config.scoringUrl() + "/api/v1/reviews/queue", token(reviewer.id())).expect(200).body()) {
                    if (review(reviewer, item)) {
                        round++;
                    }
                }
            }
            reviewed += round;
            if (round == 0) {
                pause(Duration.ofMillis(300));
            }
        }
        progress.accept("    " + reviewed + " reviews and decisions given");
    }

    /** Reviews the item, or leaves it when it is an earlier run's work and the services are shared: false then. */
    private boolean review(Reviewer reviewer, JsonNode item) {
        String taskId = item.path("taskId").asText();
        Matcher found = WORK_TOKEN.matcher(item.path("content").asText());
        Work work = found.find() ? works.get(found.group()) : null;
        if (work == null) {
            if (config.sharedRun()) {
                return false;
            }
            throw new ScenarioException("a queue item carries work this scenario did not submit: " + item);
        }
        Map<String, Integer> scores = scores(reviewer, work, item.path("rubric"));
        if (!item.path("appeal").isMissingNode()) {
            scores.replaceAll((key, score) -> Math.min(5, score + 1));
            http.post(config.scoringUrl() + "/api/v1/appeals/" + taskId + "/decision", token(reviewer.id()),
                    Map.of("decision", "REVISE", "reason", "the tests do cover the edge case the reviews missed",
                            "scores", scores)).expect(200, 201);
            return true;
        }
        Map<String, Object> verdict = work.kind() == Kind.JUNK
                ? Map.of("invalidReason", "placeholder text, not an attempt at the task")
                : Map.of("scores", scores, "comment", "scored by the scenario's reviewer model");
        http.post(config.scoringUrl() + "/api/v1/reviews/" + taskId, token(reviewer.id()), verdict).expect(200, 201);
        return true;
    }

    /**
     * The hidden truth seen through a reviewer: ability against difficulty, their severity, and noise, the more
     * so for clarity, which reviewers judge more loosely than whether the work is correct and tested.
     */
    private Map<String, Integer> scores(Reviewer reviewer, Work work, JsonNode rubric) {
        double quality = work.learner().ability().get(work.audition().plan().skill()) - work.audition().plan().difficulty();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (JsonNode criterion : rubric) {
            int max = criterion.path("maxScore").asInt();
            double noise = criterion.path("key").asText().equals("clarity") ? 0.9 : 0.3;
            double p = 1 / (1 + Math.exp(-(1.2 * quality - reviewer.severity() + random.nextGaussian() * noise)));
            scores.put(criterion.path("key").asText(), (int) Math.round(p * max));
        }
        return scores;
    }

    private Work appealedWork() {
        Learner appellant = learners.get(3);
        return works.values().stream().filter(w -> w.learner() == appellant && w.kind() == Kind.WORK).findFirst().orElseThrow();
    }

    private JsonNode mySubmission(Work work) {
        return http.get(config.scoringUrl() + "/api/v1/me/submissions/" + work.submissionId(), token(work.learner().id()))
                .expect(200).body();
    }

    private void appeal(Work work) {
        http.post(config.scoringUrl() + "/api/v1/me/submissions/" + work.submissionId() + "/appeal",
                token(work.learner().id()), Map.of("reason", "my tests cover the concurrency case; please look again"))
                .expect(200, 201, 202);
        reviewUntil("the appeal decided", () -> !mySubmission(work).path("appeal").path("decisionReason").isNull()
                && !mySubmission(work).path("appeal").path("decisionReason").isMissingNode());
    }

    /** The late learner submits after their one-minute timebox: the answer must be a refusal. */
    private int submitLate(Learner late, UUID attempt, Instant claimedAt) {
        Duration left = Duration.between(Instant.now(), claimedAt.plus(config.lateWait()));
        progress.accept("  - a learner submitting after their timebox" + (left.isNegative() ? "" : " (waiting " + left.toSeconds() + " s)"));
        if (!left.isNegative()) {
            pause(left);
        }
        return http.post(config.auditionUrl() + "/api/v1/attempts/" + attempt + "/submission", token(late.id()),
                Map.of("content", prose(freshToken()), "links", List.of())).status();
    }

    private void closeAuditions() {
        for (Audition audition : auditions) {
            http.post(config.auditionUrl() + "/api/v1/auditions/" + audition.id() + "/close",
                    token(employers.get(audition.plan().orgId())), null).expect(200);
        }
    }

    private boolean hasPayoutAccount(Learner learner) {
        return learner != learners.get(5);
    }

    private void addPayoutAccounts() {
        for (int i = 0; i < learners.size(); i++) {
            Learner learner = learners.get(i);
            if (hasPayoutAccount(learner)) {
                http.put(config.payoutUrl() + "/api/v1/me/payout-account", token(learner.id()),
                        Map.of("accountReference", "acct_%s%08d".formatted(tag, i))).expect(200);
            }
        }
    }

    private JsonNode moneyAccount(Audition audition) {
        return http.get(config.payoutUrl() + "/api/v1/audition-accounts/" + audition.id(), token(operator)).expect(200).body();
    }

    private void awaitSettlement() {
        Instant deadline = Instant.now().plus(config.appealWindow()).plus(PATIENCE);
        while (!auditions.stream().allMatch(a -> moneyAccount(a).path("status").asText().equals("SETTLED"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new ScenarioException("auditions not settled " + PATIENCE + " after their appeal window; is the"
                        + " payout-service's proofwork.appeals.window " + config.appealWindow() + "?");
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private List<String> mintProofs() {
        List<String> verifications = new ArrayList<>();
        for (String skill : SKILLS) {
            Learner best = learners.stream().filter(l -> l.skill().equals(skill))
                    .max((a, b) -> Integer.compare(mySkill(a).path("score").asInt(), mySkill(b).path("score").asInt()))
                    .orElseThrow();
            Http.Response minted = http.post(config.rankingUrl() + "/api/v1/me/proofs", token(best.id()), Map.of("skill", skill))
                    .expect(201, 200, 409);
            if (minted.status() == 409) {
                verifications.add(skill + ": " + best.id().username() + " has too little evidence yet: " + minted.body().path("detail").asText());
                continue;
            }
            String credential = minted.body().path("credential").asText();
            JsonNode verified = http.post(config.rankingUrl() + "/api/v1/proofs/verify", null, Map.of("credential", credential))
                    .expect(200).body();
            verifications.add(skill + ": " + best.id().username() + " score " + verified.path("score").asText() + " "
                    + verified.path("status").asText());
        }
        return verifications;
    }

    private JsonNode mySkill(Learner learner) {
        for (JsonNode skill : http.get(config.rankingUrl() + "/api/v1/me/skills", token(learner.id())).expect(200).body()) {
            if (skill.path("skill").asText().equals(learner.skill())) {
                return skill;
            }
        }
        return Http.JSON.nullNode();
    }

    private Outcome collect(int lateStatus, Work appealed, List<String> proofs) {
        Map<Learner, JsonNode> payouts = new HashMap<>();
        learners.forEach(l -> payouts.put(l, http.get(config.payoutUrl() + "/api/v1/me/payouts", token(l.id())).expect(200).body()));
        Map<Work, JsonNode> results = new HashMap<>();
        works.values().forEach(w -> results.put(w, mySubmission(w)));

        List<Outcome.AuditionResult> auditionResults = new ArrayList<>();
        for (Audition audition : auditions) {
            JsonNode view = http.get(config.auditionUrl() + "/api/v1/auditions/" + audition.id(),
                    token(employers.get(audition.plan().orgId()))).expect(200).body();
            Map<String, Double> finals = new LinkedHashMap<>();
            works.values().stream().filter(w -> w.audition() == audition && results.get(w).path("valid").asBoolean(false))
                    .forEach(w -> finals.put(w.learner().id().username(), results.get(w).path("finalScore").asDouble()));
            Map<String, Long> bonus = new LinkedHashMap<>();
            learners.forEach(l -> {
                long amount = sum(payouts.get(l), "bonus", audition.id());
                if (amount > 0) {
                    bonus.put(l.id().username(), amount);
                }
            });
            auditionResults.add(new Outcome.AuditionResult(audition.id(), audition.plan().title(), audition.plan().orgId(),
                    audition.plan().skill(), audition.plan().anchor(), view.path("seats").asInt(),
                    view.path("seatsClaimed").asInt(), view.path("payPerSubmission").path("amountMinor").asLong(),
                    audition.plan().bonusPoolMinor(), audition.plan().bonusTopN(), moneyAccount(audition).path("status").asText(),
                    finals, bonus));
        }

        List<Outcome.LearnerResult> learnerResults = new ArrayList<>();
        for (Learner learner : learners) {
            List<Work> mine = works.values().stream().filter(w -> w.learner() == learner).toList();
            List<Work> valid = mine.stream().filter(w -> results.get(w).path("valid").asBoolean(false)
                    && !results.get(w).path("status").asText().equals("REJECTED")).toList();
            long expected = valid.stream().mapToLong(w -> PAY).sum();
            JsonNode skill = mySkill(learner);
            Double rawMean = valid.isEmpty() ? null
                    : valid.stream().mapToDouble(w -> results.get(w).path("finalScore").asDouble()).average().orElse(0);
            JsonNode items = payouts.get(learner).path("items");
            learnerResults.add(new Outcome.LearnerResult(learner.id().username(), learner.skill(),
                    learner.ability().get(learner.skill()), skill.isNull() ? null : skill.path("score").asInt(),
                    skill.isNull() ? null : skill.path("mu").asDouble(), skill.isNull() ? null : skill.path("sigma").asDouble(),
                    rawMean, valid.size(), expected, sum(payouts.get(learner), "base-pay", null),
                    sum(payouts.get(learner), "bonus", null), sumStatus(items, "HELD"), sumStatus(items, "PAID"),
                    hasPayoutAccount(learner)));
        }

        Map<String, List<Outcome.Invoice>> invoices = new LinkedHashMap<>();
        employers.forEach((org, employer) -> {
            List<Outcome.Invoice> list = new ArrayList<>();
            for (JsonNode invoice : http.get(config.payoutUrl() + "/api/v1/employers/" + org + "/invoices?size=100",
                    token(employer)).expect(200).body().path("items")) {
                list.add(new Outcome.Invoice(invoice.path("number").asText(),
                        invoice.path("auditionId").isNull() ? null : UUID.fromString(invoice.path("auditionId").asText()),
                        invoice.path("period").isNull() ? null : invoice.path("period").asText(),
                        invoice.path("total").path("amountMinor").asLong(), invoice.path("total").path("currency").asText()));
            }
            invoices.put(org, list);
        });

        JsonNode trial = http.get(config.payoutUrl() + "/api/v1/ledger/trial-balance", token(operator)).expect(200).body();
        Work copy = works.get("copy");
        Work junk = works.values().stream().filter(w -> w.kind() == Kind.JUNK).findFirst().orElseThrow();
        JsonNode appealView = results.get(appealed);
        String appealOutcome = appealed.learner().id().username() + ": " + appealView.path("appeal").path("status").asText()
                + ", score version " + appealView.path("scoreVersion").asInt() + " now " + appealView.path("finalScore").asText();
        return new Outcome(auditionResults, learnerResults, invoices, trial.path("balanced").asBoolean(), trial.toString(),
                lateStatus, qa(copy.submissionId()).path("status").asText(),
                sum(payouts.get(copy.learner()), "base-pay", copy.audition().id()),
                "valid=" + results.get(junk).path("valid").asText(), sum(payouts.get(junk.learner()), "base-pay", junk.audition().id()),
                appealOutcome, proofs);
    }

    private static long sum(JsonNode payouts, String kind, UUID auditionId) {
        long total = 0;
        for (JsonNode item : payouts.path("items")) {
            if (item.path("kind").asText().equals(kind) && !item.path("status").asText().equals("CANCELLED")
                    && (auditionId == null || item.path("auditionId").asText().equals(auditionId.toString()))) {
                total += item.path("amount").path("amountMinor").asLong();
            }
        }
        return total;
    }

    private static long sumStatus(JsonNode items, String status) {
        long total = 0;
        for (JsonNode item : items) {
            if (item.path("status").asText().equals(status)) {
                total += item.path("amount").path("amountMinor").asLong();
            }
        }
        return total;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new ScenarioException("not reached within " + PATIENCE + ": " + what);
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted", e);
        }
    }
}
