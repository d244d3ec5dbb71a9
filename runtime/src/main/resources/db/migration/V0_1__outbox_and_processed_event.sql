-- Shared by every service (from the runtime module): the transactional outbox and the consumer inbox.

-- Events written in the same transaction as the state change they describe; the relay publishes
-- them in position order and stamps published_at only after the broker acknowledged.
create table outbox (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz
);
create index outbox_unpublished on outbox (position) where published_at is null;

-- One row per event a consumer has applied, written in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
