-- Shared by every service (from the runtime module): records a consumer gave up on, for operators to read
-- and replay. The record also goes to the dead-letter topic; this table is what an operator acts on.
create table dead_letter (
    id               uuid        primary key,
    consumer         text        not null,
    source_topic     text        not null,
    source_partition int         not null,
    source_offset    bigint      not null,
    record_key       text,
    -- the CloudEvent's attributes; null when the record could not be decoded (it cannot be replayed)
    event_id         uuid,
    event_type       text,
    event_source     text,
    occurred_at      timestamptz,
    payload          bytea       not null,
    reason           text        not null,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    deliveries       int         not null default 1,
    replayed_at      timestamptz,
    unique (consumer, source_topic, source_partition, source_offset)
);
create index dead_letter_by_consumer on dead_letter (consumer, first_seen_at);
