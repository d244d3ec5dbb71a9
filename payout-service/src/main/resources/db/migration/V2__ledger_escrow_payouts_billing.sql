-- Double-entry ledger. A posting is one business cause (its idempotency key is unique, so a redelivered
-- event or retried request never posts twice); its entries are signed amounts, debit positive and credit
-- negative, and must sum to zero per currency. Neither is ever updated or deleted.
create table posting (
    id              uuid primary key,
    idempotency_key text        not null unique,
    kind            text        not null,
    org_id          text,
    audition_id     uuid,
    learner_id      text,
    memo            text        not null,
    posted_at       timestamptz not null
);
create index posting_org on posting (org_id, posted_at);
create index posting_audition on posting (audition_id);

create table ledger_entry (
    id           bigserial primary key,
    posting_id   uuid    not null references posting (id),
    account      text    not null,
    currency     char(3) not null,
    amount_minor bigint  not null check (amount_minor <> 0)
);
create index ledger_entry_posting on ledger_entry (posting_id);
create index ledger_entry_account on ledger_entry (account, currency);

-- Kept in the same transaction as the entries. normal_side is +1 for accounts that grow by debits (money
-- held at the provider, what an employer owes) and -1 for those that grow by credits (what the platform
-- owes employers and learners, its revenue); the check makes a posting that would overdraw any account fail.
create table account_balance (
    account       text     not null,
    currency      char(3)  not null,
    normal_side   smallint not null check (normal_side in (1, -1)),
    balance_minor bigint   not null,
    primary key (account, currency),
    constraint account_balance_not_negative check (balance_minor * normal_side >= 0)
);

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger rows are immutable: post a reversing entry instead';
end $$;
create trigger posting_immutable before update or delete on posting
    for each row execute function ledger_refuse_change();
create trigger ledger_entry_immutable before update or delete on ledger_entry
    for each row execute function ledger_refuse_change();

-- Checked at commit, when all of a posting's entries are in.
create function ledger_posting_balances() returns trigger language plpgsql as $$
declare
    unbalanced char(3);
begin
    select currency into unbalanced from ledger_entry
     where posting_id = new.posting_id group by currency having sum(amount_minor) <> 0 limit 1;
    if unbalanced is not null then
        raise exception 'posting % does not balance in %', new.posting_id, unbalanced;
    end if;
    return null;
end $$;
create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_posting_balances();

-- What payout-service needs to know about an audition to fund, pay and bill it. Prices are fixed when
-- the escrow is reserved, so a later price change never alters a funded audition.
alter table audition_account
    add column status                   text not null default 'DRAFTED',
    add column currency                 char(3),
    add column seats                    integer,
    add column pay_minor                bigint,
    add column reviewers_per_submission integer,
    add column bonus_pool_minor         bigint not null default 0,
    add column bonus_places             integer not null default 0,
    add column listing_fee_minor        bigint,
    add column review_fee_minor         bigint,
    add column commission_bps           integer,
    add column reserved_minor           bigint,
    add column seats_used               integer,
    add column closed_at                timestamptz,
    add column settle_at                timestamptz,
    add column settled_at               timestamptz;
create index audition_account_settle_due on audition_account (settle_at) where status = 'CLOSED';

-- Who took each attempt (submissions themselves are blind); filled from the attempts topic.
create table attempt (
    attempt_id  uuid primary key,
    audition_id uuid not null,
    learner_id  text not null
);

-- A submission as far as money is concerned. Its receipt (attempts topic) and its score (scoring topic)
-- arrive on different topics in either order; it is paid once both are known.
create table earning_submission (
    submission_id uuid primary key,
    audition_id   uuid    not null,
    learner_id    text,
    received_at   timestamptz,
    score_version integer not null default 0,
    final_score   numeric(6, 5),
    valid         boolean,
    rejected      boolean not null default false,
    base_paid     boolean not null default false
);
create index earning_submission_audition on earning_submission (audition_id);

-- What the platform owes a learner, item by item, so holds can be explained and transfers traced.
create table payable (
    id          uuid primary key,
    learner_id  text        not null,
    posting_id  uuid        not null references posting (id),
    kind        text        not null,
    audition_id uuid        not null,
    currency    char(3)     not null,
    amount_minor bigint     not null check (amount_minor > 0),
    accrued_at  timestamptz not null,
    transfer_id uuid
);
create index payable_untransferred on payable (learner_id, accrued_at) where transfer_id is null;

create table payout_account (
    learner_id           text primary key,
    provider_account_ref text        not null,
    added_at             timestamptz not null,
    updated_at           timestamptz not null
);

-- A batch of a learner's payables sent through the payment provider. The idempotency key stays the same
-- while the outcome of a send is unknown, and changes only after a definite failure.
create table transfer (
    id                   uuid primary key,
    learner_id           text        not null,
    currency             char(3)     not null,
    amount_minor         bigint      not null check (amount_minor > 0),
    provider_account_ref text        not null,
    state                text        not null,
    attempt              integer     not null default 1,
    idempotency_key      text        not null unique,
    provider_reference   text,
    last_error           text,
    created_at           timestamptz not null,
    sent_at              timestamptz,
    settled_at           timestamptz,
    next_attempt_at      timestamptz not null
);
create index transfer_due on transfer (next_attempt_at) where state in ('PENDING', 'FAILED');
create index transfer_in_flight on transfer (sent_at) where state = 'SENT';
create index transfer_learner on transfer (learner_id, created_at);

create table deposit (
    id                 uuid primary key,
    org_id             text        not null,
    idempotency_key    text        not null,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           char(3)     not null,
    provider_reference text        not null,
    posting_id         uuid        not null references posting (id),
    deposited_by       text        not null,
    created_at         timestamptz not null,
    unique (org_id, idempotency_key)
);

-- '*' is the default plan, applying to every org without one of its own in that currency.
create table price_plan (
    org_id            text        not null,
    currency          char(3)     not null,
    listing_fee_minor bigint      not null check (listing_fee_minor >= 0),
    review_fee_minor  bigint      not null check (review_fee_minor >= 0),
    commission_bps    integer     not null check (commission_bps between 0 and 10000),
    updated_at        timestamptz not null,
    updated_by        text        not null,
    primary key (org_id, currency)
);
insert into price_plan values
    ('*', 'EUR', 2000, 400, 500, now(), 'migration'),
    ('*', 'USD', 2000, 400, 500, now(), 'migration'),
    ('*', 'GBP', 2000, 400, 500, now(), 'migration');

-- Numbered gap-free per org and year: the counter row is locked and bumped in the issuing transaction.
create table invoice_sequence (
    org_id   text    not null,
    year     integer not null,
    last_seq integer not null,
    primary key (org_id, year)
);

-- One per audition close (audition_id) or per monthly statement (period 'yyyy-MM' and currency).
create table invoice (
    number       text primary key,
    org_id       text        not null,
    audition_id  uuid,
    period       text,
    currency     char(3)     not null,
    total_minor  bigint      not null,
    issued_at    timestamptz not null,
    unique (org_id, audition_id),
    unique (org_id, period, currency)
);
create index invoice_org on invoice (org_id, issued_at);

-- Each charge in the ledger is billed on exactly one invoice.
create table invoice_line (
    invoice_number text   not null references invoice (number),
    line_no        integer not null,
    posting_id     uuid   not null references posting (id),
    kind           text   not null,
    description    text   not null,
    amount_minor   bigint not null,
    primary key (invoice_number, line_no),
    unique (posting_id, kind)
);
