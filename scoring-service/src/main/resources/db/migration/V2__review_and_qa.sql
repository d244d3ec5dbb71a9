-- What scoring needs of an open audition to review its submissions.
alter table audition
    add column rubric                   text,
    add column rubric_version           integer,
    add column reviewers_per_submission integer,
    add column score_tolerance          numeric(4, 3),
    add column pass_mark                numeric(4, 3) not null default 0.5,
    add column opened_at                timestamptz;

create table reviewer (
    id               uuid primary key,
    subject          text        not null unique,
    skills           text        not null,
    max_open_reviews integer     not null check (max_open_reviews > 0),
    active           boolean     not null,
    created_at       timestamptz not null
);

-- A submission as reviewers see it: the work, never its author.
create table submission (
    id             uuid primary key,
    audition_id    uuid        not null,
    attempt_id     uuid,
    gold           boolean     not null default false,
    expected_score numeric(6, 5),
    skill          text        not null,
    rubric_version integer     not null,
    content        text        not null,
    links          text        not null,
    files          text        not null,
    content_sha256 char(64)    not null,
    minhash        text        not null,
    status         text        not null,
    final_score    numeric(6, 5),
    score_version  integer     not null default 0,
    passed         boolean,
    valid          boolean,
    review_count   integer,
    received_at    timestamptz not null,
    scored_at      timestamptz
);
create index submission_by_audition on submission (audition_id, received_at);

-- One review of one submission; unassigned (pooled) until a qualified reviewer has capacity.
create table review_task (
    id             uuid primary key,
    submission_id  uuid        not null references submission (id),
    reviewer_id    uuid references reviewer (id),
    kind           text        not null,
    status         text        not null,
    created_at     timestamptz not null,
    assigned_at    timestamptz,
    submitted_at   timestamptz,
    scores         text,
    weighted_score numeric(6, 5),
    invalid_reason text,
    comment        text
);
create unique index review_task_one_per_reviewer on review_task (submission_id, reviewer_id) where reviewer_id is not null;
create index review_task_pooled on review_task (created_at) where status = 'POOLED';
create index review_task_open_by_reviewer on review_task (reviewer_id) where status = 'ASSIGNED';

create table duplicate_flag (
    id            uuid primary key,
    submission_id uuid          not null references submission (id),
    original_id   uuid          not null references submission (id),
    similarity    numeric(4, 3) not null,
    status        text          not null,
    verdict       text,
    resolved_by   text,
    created_at    timestamptz   not null,
    resolved_at   timestamptz
);
create index duplicate_flag_by_submission on duplicate_flag (submission_id);

-- Which learner holds which attempt, from seat claims: only for the learner's own views and appeals,
-- never shown to reviewers.
create table learner_attempt (
    attempt_id uuid primary key,
    learner_id text not null
);

create table appeal (
    id              uuid primary key,
    submission_id   uuid        not null unique references submission (id),
    learner_id      text        not null,
    reason          text        not null,
    status          text        not null,
    decision_reason text,
    created_at      timestamptz not null,
    decided_at      timestamptz
);

-- Reviewers who gave a submission's task back (or let it time out) are not offered it again.
create table task_release (
    submission_id uuid        not null references submission (id),
    reviewer_id   uuid        not null references reviewer (id),
    released_at   timestamptz not null,
    primary key (submission_id, reviewer_id)
);
