package dev.proofwork.payout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.events.AttemptEvent.SubmissionReceived;
import dev.proofwork.events.AuditionEvent.AuditionClosed;
import dev.proofwork.events.AuditionEvent.AuditionDrafted;
import dev.proofwork.events.AuditionEvent.AuditionPublishRequested;
import dev.proofwork.events.Bonus;
import dev.proofwork.events.Money;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.payout.earning.AuditionSettlement;
import dev.proofwork.payout.earning.EarningService;
import dev.proofwork.payout.escrow.AuditionAccountRepository;
import dev.proofwork.payout.escrow.EscrowService;
import dev.proofwork.payout.funding.DepositRequest;
import dev.proofwork.payout.funding.DepositService;
import dev.proofwork.payout.ledger.Accounts;
import dev.proofwork.payout.ledger.Ledger;
import dev.proofwork.payout.provider.SimulatedPaymentProvider;
import dev.proofwork.payout.provider.SimulatedPaymentProvider.Behaviour;
import dev.proofwork.payout.transfer.PayoutRuns;
import dev.proofwork.testkit.ProofworkTestResource;
import dev.proofwork.testkit.TestClock;
import dev.proofwork.testkit.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of deposits, publishes, submissions (valid or not, scored before or after they arrive),
 * reviews, closes, settlements and payout runs against a provider that declines or loses answers, with
 * about half of every cause delivered twice. They run through the service layer on the real database;
 * afterwards the ledger must balance, no account may be overdrawn, every deposit must be accounted for,
 * every effect must have happened once, and the provider must have received each transfer once.
 * A failure names its seed, which replays it.
 */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class MoneyInvariantsTest {

    private static final int SCENARIOS = 25;
    private static final String EUR = "EUR";

    sealed interface Step {
    }

    record Deposit(long amountMinor, boolean twice) implements Step {
    }

    record Publish(int audition, int seats, long payMinor, long bonusMinor, boolean twice) implements Step {
    }

    /** {@code invalidatedLater}: a later score version finds valid work invalid, before any payout run. */
    record Submit(int audition, boolean valid, int scorePercent, boolean scoreFirst, boolean twice,
            boolean withAccount, boolean invalidatedLater) implements Step {
    }

    record Review(int audition, boolean twice) implements Step {
    }

    record Close(int audition, boolean appealsOver, boolean twice) implements Step {
    }

    record PayoutRun(Behaviour provider) implements Step {
    }

    record Settle() implements Step {
    }

    /** What the scenario did, to compare with what the ledger says. */
    private static final class World {
        final String org = "prop-" + UUID.randomUUID().toString().substring(0, 8);
        final UUID[] auditions = { UUID.randomUUID(), UUID.randomUUID() };
        final Map<Integer, Integer> seats = new HashMap<>();
        final Map<Integer, Long> pay = new HashMap<>();
        final Map<Integer, List<UUID>> submissions = new HashMap<>();
        final Map<Integer, Boolean> closed = new HashMap<>();
        final Map<String, Long> expectedBasePay = new HashMap<>();
        final Map<String, String> accounts = new HashMap<>();
        long deposited;
    }

    @Inject
    DepositService deposits;
    @Inject
    EscrowService escrow;
    @Inject
    EarningService earnings;
    @Inject
    AuditionAccountRepository auditionAccounts;
    @Inject
    AuditionSettlement settlement;
    @Inject
    PayoutRuns payoutRuns;
    @Inject
    SimulatedPaymentProvider provider;
    @Inject
    Ledger ledger;
    @Inject
    TestClock clock;

    /** A random step, weighted so submissions are the most common and settling the least. */
    private static Step randomStep(Random random) {
        int audition = random.nextInt(2);
        int pick = random.nextInt(19);
        if (pick < 3) {
            return new Deposit(random.nextLong(1_000, 60_001), random.nextBoolean());
        } else if (pick < 6) {
            return new Publish(audition, random.nextInt(1, 5), random.nextLong(100, 5_001),
                    random.nextBoolean() ? 0 : random.nextLong(1, 3_001), random.nextBoolean());
        } else if (pick < 12) {
            return new Submit(audition, random.nextInt(4) > 0, random.nextInt(101), random.nextBoolean(),
                    random.nextBoolean(), random.nextBoolean(), random.nextInt(5) == 0);
        } else if (pick < 14) {
            return new Review(audition, random.nextBoolean());
        } else if (pick < 16) {
            return new Close(audition, random.nextBoolean(), random.nextBoolean());
        } else if (pick < 18) {
            Behaviour[] behaviours = Behaviour.values();
            return new PayoutRun(behaviours[random.nextInt(behaviours.length)]);
        }
        return new Settle();
    }

    @Test
    void randomMarketplacesKeepTheBooksBalancedAndEveryEffectOnce() {
        try {
            Trials.check(SCENARIOS, random -> {
                List<Step> steps = IntStream.range(0, random.nextInt(8, 31)).mapToObj(i -> randomStep(random)).toList();
                World world = new World();
                steps.forEach(step -> apply(world, step));
                assertInvariants(world, steps.toString());
            });
        } finally {
            // payout runs moved the clock days ahead; later test classes in this app expect real time
            clock.reset();
        }
    }

    private void apply(World w, Step step) {
        switch (step) {
            case Deposit d -> {
                String key = UUID.randomUUID().toString();
                for (int n = d.twice() ? 2 : 1; n > 0; n--) {
                    await(() -> deposits.deposit(w.org, key, new DepositRequest(d.amountMinor(), EUR), "prop"));
                }
                w.deposited += d.amountMinor();
            }
            case Publish p -> {
                if (w.seats.containsKey(p.audition())) {
                    return;
                }
                UUID id = w.auditions[p.audition()];
                Bonus bonus = p.bonusMinor() == 0 ? null : new Bonus(new Money(p.bonusMinor(), EUR), 2);
                var request = new AuditionPublishRequested(id, w.org, "java", p.seats(), new Money(p.payMinor(), EUR), 2,
                        bonus, Instant.now());
                inTransaction(() -> escrow.drafted(new AuditionDrafted(id, w.org, "audition", "java", Instant.now())));
                for (int n = p.twice() ? 2 : 1; n > 0; n--) {
                    inTransaction(() -> escrow.publishRequested(request));
                }
                boolean funded = await(() -> Panache.withSession(() -> auditionAccounts.findById(id))).isFunded();
                if (funded) {
                    w.seats.put(p.audition(), p.seats());
                    w.pay.put(p.audition(), p.payMinor());
                    w.submissions.put(p.audition(), new ArrayList<>());
                }
            }
            case Submit s -> {
                List<UUID> taken = w.submissions.get(s.audition());
                if (taken == null || w.closed.containsKey(s.audition()) || taken.size() >= w.seats.get(s.audition())) {
                    return;
                }
                UUID auditionId = w.auditions[s.audition()];
                String learner = "lea-" + UUID.randomUUID();
                UUID attempt = UUID.randomUUID();
                UUID submission = UUID.randomUUID();
                taken.add(submission);
                if (s.withAccount()) {
                    w.accounts.put(learner, addPayoutAccount(learner));
                }
                var scored = new SubmissionScored(submission, auditionId, "java", 1, s.scorePercent() / 100.0, 2,
                        s.scorePercent() >= 50, s.valid(), Instant.now());
                Runnable score = () -> {
                    for (int n = s.twice() ? 2 : 1; n > 0; n--) {
                        inTransaction(() -> earnings.scored(scored));
                    }
                };
                if (s.scoreFirst()) {
                    score.run();
                }
                inTransaction(() -> earnings.seatClaimed(new SeatClaimed(attempt, auditionId, learner, Instant.now(),
                        Instant.now().plusSeconds(3600))));
                inTransaction(() -> earnings.received(new SubmissionReceived(attempt, submission, auditionId, "java", 1,
                        "work", List.of(), List.of(), "2".repeat(64), Instant.now())));
                if (!s.scoreFirst()) {
                    score.run();
                }
                if (s.invalidatedLater()) {
                    var invalidated = new SubmissionScored(submission, auditionId, "java", 2, s.scorePercent() / 100.0, 3,
                            false, false, Instant.now());
                    for (int n = s.twice() ? 2 : 1; n > 0; n--) {
                        inTransaction(() -> earnings.scored(invalidated));
                    }
                }
                w.expectedBasePay.put(learner, s.valid() && !s.invalidatedLater() ? w.pay.get(s.audition()) : 0L);
            }
            case Review r -> {
                List<UUID> taken = w.submissions.get(r.audition());
                if (taken == null || taken.isEmpty()) {
                    return;
                }
                UUID reviewId = UUID.randomUUID();
                for (int n = r.twice() ? 2 : 1; n > 0; n--) {
                    inTransaction(() -> escrow.reviewRecorded(reviewId, w.auditions[r.audition()]));
                }
            }
            case Close c -> {
                List<UUID> taken = w.submissions.get(c.audition());
                if (taken == null || w.closed.containsKey(c.audition())) {
                    return;
                }
                Instant closedAt = c.appealsOver() ? Instant.now().minus(Duration.ofDays(8)) : Instant.now();
                var closed = new AuditionClosed(w.auditions[c.audition()], w.org, taken.size(), closedAt);
                for (int n = c.twice() ? 2 : 1; n > 0; n--) {
                    inTransaction(() -> escrow.closed(closed));
                }
                w.closed.put(c.audition(), true);
            }
            case PayoutRun run -> {
                w.accounts.values().forEach(reference -> provider.nextTransfers(reference, run.provider(), 1));
                clock.advance(Duration.ofHours(2));
                await(payoutRuns::run);
            }
            case Settle ignored -> await(settlement::settleDue);
        }
    }

    private void assertInvariants(World w, String scenario) {
        var trial = await(() -> Panache.withSession(ledger::trialBalance));
        assertThat(trial).as(scenario).allSatisfy(currency -> assertThat(currency.netMinor()).isZero());
        assertThat(sum("select count(*) from account_balance where balance_minor * normal_side < 0", null))
                .as(scenario + ": overdrawn accounts").isZero();

        // every deposit is spendable, reserved, or spent on a charge; what the org owes beyond it is receivable
        long available = await(() -> Panache.withSession(() -> ledger.balance(Accounts.available(w.org), EUR)));
        long receivable = await(() -> Panache.withSession(() -> ledger.balance(Accounts.receivable(w.org), EUR)));
        long escrowed = 0;
        for (UUID id : w.auditions) {
            escrowed += await(() -> Panache.withSession(() -> ledger.balance(Accounts.escrow(id), EUR)));
        }
        // net of cancellations, which take a charge back
        long charged = sum("""
                select coalesce(-sum(e.amount_minor), 0) from posting p join ledger_entry e on e.posting_id = p.id
                 where p.org_id = :org
                   and (e.account like 'platform:revenue:%' or e.account like 'learner:%:payable')""", w.org);
        assertThat(available + escrowed + charged - receivable).as(scenario).isEqualTo(w.deposited);

        w.expectedBasePay.forEach((learner, expected) -> assertThat(sum(
                "select coalesce(sum(amount_minor), 0) from payable where learner_id = :org and kind = 'base-pay'"
                        + " and cancelled_at is null", learner))
                .as(scenario + " base pay of " + learner).isEqualTo(expected));
        w.accounts.forEach((learner, reference) -> assertThat(provider.receivedMinor(reference))
                .as(scenario + " received by " + learner)
                .isEqualTo(sum("select coalesce(sum(amount_minor), 0) from transfer where learner_id = :org"
                        + " and state in ('SENT', 'SETTLED')", learner)));
    }

    /** A number from SQL, with {@code parameter} bound to {@code :org} where given. */
    private long sum(String sql, String parameter) {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            return (parameter == null ? query : query.setParameter("org", parameter)).getSingleResult();
        })));
    }

    private static String addPayoutAccount(String learner) {
        String reference = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        given().auth().oauth2(Tokens.learner(learner)).contentType(ContentType.JSON)
                .body(Map.of("accountReference", reference))
                .when().put("/api/v1/me/payout-account").then().statusCode(200);
        return reference;
    }

    private static void inTransaction(Supplier<Uni<Void>> work) {
        await(() -> Panache.withTransaction(work));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
