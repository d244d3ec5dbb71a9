package dev.proofwork.e2e.bench;

import dev.proofwork.e2e.Identity;
import dev.proofwork.e2e.TokenSource;
import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.events.ScoringEvent.SubmissionScored;
import dev.proofwork.events.Topics;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each submission's effects happened, seen from outside the services: its final score and its learner's
 * ranking update as the broker stamped their events, its base-pay payable as payout-service's ledger dated it.
 * Lag is measured from the moment the learner's submit call returned.
 */
final class Outcomes implements AutoCloseable {

    /** Lags for one offered rate and one effect, in milliseconds; {@code missing} never arrived. */
    record Lag(int offeredRate, String effect, int count, int missing, double p50Millis, double p99Millis) {
    }

    private record Submitted(UUID submission, String learner, UUID audition, int rate, Instant at) {
    }

    private static final String PAYOUT_DATABASE = "jdbc:postgresql://127.0.0.1:5432/proofwork_payout";

    private final String kafka;
    private final TokenSource tokens;
    private final String skill;
    private final Map<UUID, Submitted> submitted = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> scoredAt = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListSet<Instant>> rankingUpdates = new ConcurrentHashMap<>();
    private final Map<String, Instant> payableAt = new ConcurrentHashMap<>();
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private Thread listener;
    private long offsetsAtStart;

    Outcomes(String kafka, TokenSource tokens, String skill) {
        this.kafka = kafka;
        this.tokens = tokens;
        this.skill = skill;
    }

    /** Listens from the topics' current ends, so only what this run causes is seen. */
    void start() throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = consumer();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.SCORING, Topics.RANKINGS)) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        offsetsAtStart = endOffsets(consumer);
        listener = Thread.ofPlatform().name("outcomes").start(() -> {
            try (consumer) {
                while (listening.get()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(this::seen);
                }
            }
        });
    }

    /** Records every topic gained since {@link #start()}. */
    long eventsSinceStart() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return endOffsets(consumer) - offsetsAtStart;
        }
    }

    private static long endOffsets(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> all = new ArrayList<>();
        for (Topics.TopicSpec topic : Topics.ALL) {
            if (!topic.name().equals(Topics.DEAD_LETTERS)) {
                consumer.partitionsFor(topic.name()).forEach(info -> all.add(new TopicPartition(topic.name(), info.partition())));
            }
        }
        return consumer.endOffsets(all).values().stream().mapToLong(Long::longValue).sum();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    void submitted(UUID submission, Identity learner, UUID audition, int rate, Instant at) {
        String subject = subjects.computeIfAbsent(learner.username(), username -> tokens.subject(learner));
        submitted.put(submission, new Submitted(submission, subject, audition, rate, at));
    }

    private void seen(ConsumerRecord<String, byte[]> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        try {
            switch (CloudEventCodec.decode(record.headers(), record.value()).data()) {
                case SubmissionScored scored -> scoredAt.putIfAbsent(scored.submissionId(), at);
                case RankingUpdated ranked when ranked.skill().equals(skill) ->
                        rankingUpdates.computeIfAbsent(ranked.learnerId(), learner -> new ConcurrentSkipListSet<>()).add(at);
                default -> {
                }
            }
        } catch (RuntimeException notOurs) {
            // records of other kinds or other runs
        }
    }

    /** Until every submission has its score, ranking update and payable, or the patience runs out. */
    void awaitAll(Duration patience) throws SQLException {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            readPayables();
            if (submitted.values().stream().allMatch(s -> scoredAt.containsKey(s.submission())
                    && rankedAfter(s) != null && payableAt.containsKey(s.learner() + s.audition()))) {
                return;
            }
            LoadBenchmark.sleep(1000);
        }
    }

    private Instant rankedAfter(Submitted submission) {
        Instant scored = scoredAt.get(submission.submission());
        var updates = rankingUpdates.get(submission.learner());
        return scored == null || updates == null ? null : updates.ceiling(scored);
    }

    private void readPayables() throws SQLException {
        Collection<UUID> auditions = submitted.values().stream().map(Submitted::audition).distinct().toList();
        if (auditions.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(PAYOUT_DATABASE, "postgres", "");
                PreparedStatement query = connection.prepareStatement(
                        "select learner_id, audition_id, accrued_at from payable where kind = 'base-pay' and audition_id = any(?)")) {
            Array ids = connection.createArrayOf("uuid", auditions.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payableAt.putIfAbsent(rows.getString(1) + rows.getObject(2, UUID.class),
                            rows.getTimestamp(3).toInstant());
                }
            }
        }
    }

    /** When the last score, ranking update or payable of this run happened. */
    Optional<Instant> lastEffect() {
        return Stream.of(scoredAt.values().stream(), payableAt.values().stream(),
                        rankingUpdates.values().stream().map(ConcurrentSkipListSet::last))
                .flatMap(Function.identity()).max(Instant::compareTo);
    }

    List<Lag> lags() {
        Map<Integer, List<Submitted>> byRate = new TreeMap<>();
        submitted.values().forEach(s -> byRate.computeIfAbsent(s.rate(), rate -> new ArrayList<>()).add(s));
        List<Lag> lags = new ArrayList<>();
        byRate.forEach((rate, submissions) -> {
            lags.add(lag(rate, "final score", submissions, s -> scoredAt.get(s.submission())));
            lags.add(lag(rate, "ranking update", submissions, this::rankedAfter));
            lags.add(lag(rate, "payable", submissions, s -> payableAt.get(s.learner() + s.audition())));
        });
        return lags;
    }

    private static Lag lag(int rate, String effect, List<Submitted> submissions,
            Function<Submitted, Instant> when) {
        List<Long> nanos = new ArrayList<>();
        for (Submitted s : submissions) {
            Instant at = when.apply(s);
            if (at != null) {
                nanos.add(Math.max(0, Duration.between(s.at(), at).toNanos()));
            }
        }
        nanos.sort(null);
        return new Lag(rate, effect, nanos.size(), submissions.size() - nanos.size(), Latencies.percentile(nanos, 0.5),
                Latencies.percentile(nanos, 0.99));
    }

    @Override
    public void close() {
        listening.set(false);
        if (listener != null) {
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
