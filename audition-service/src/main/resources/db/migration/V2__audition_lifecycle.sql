-- The full audition: scope, rubric, seats, pay and funding state. Lists are JSON text.
alter table audition
    add column brief                    text,
    add column deliverables             text,
    add column rubric                   text,
    add column rubric_version           integer not null default 1,
    add column timebox_minutes          integer,
    add column seats                    integer,
    add column seats_claimed            integer not null default 0,
    add column pay_amount_minor         bigint,
    add column pay_currency             char(3),
    add column reviewers_per_submission integer,
    add column score_tolerance          numeric(4, 3),
    add column closes_at                timestamptz,
    add column anchor                   boolean not null default false,
    add column bonus_pool_minor         bigint,
    add column bonus_top_n              integer,
    add column scoping_reasons          text,
    add column funding_shortfall_minor  bigint,
    add column updated_at               timestamptz,
    add column version                  bigint  not null default 0,
    add constraint audition_seats_never_oversold check (seats_claimed >= 0 and seats_claimed <= seats);
create index audition_open_by_skill on audition (skill, closes_at) where status = 'OPEN';

-- A learner's one attempt at an audition, holding one numbered seat.
create table attempt (
    id          uuid primary key,
    audition_id uuid        not null references audition (id),
    learner_id  text        not null,
    seat_number integer     not null,
    status      text        not null,
    started_at  timestamptz not null,
    deadline    timestamptz not null,
    ended_at    timestamptz,
    constraint attempt_one_per_learner unique (audition_id, learner_id),
    constraint attempt_one_per_seat unique (audition_id, seat_number)
);
create index attempt_overdue on attempt (deadline) where status = 'ACTIVE';
create index attempt_by_learner on attempt (learner_id, started_at desc);

-- The work handed in for an attempt, and what scoring made of it.
create table submission (
    id             uuid primary key,
    attempt_id     uuid        not null unique references attempt (id),
    audition_id    uuid        not null references audition (id),
    learner_id     text        not null,
    content        text        not null,
    links          text        not null,
    content_sha256 char(64)    not null,
    received_at    timestamptz not null,
    qa_status      text        not null,
    score_version  integer,
    final_score    numeric(6, 5),
    passed         boolean,
    valid          boolean,
    rejection      text
);
create index submission_by_audition on submission (audition_id, received_at);

create table submission_file (
    id            uuid primary key,
    submission_id uuid     not null references submission (id),
    name          text     not null,
    media_type    text     not null,
    size_bytes    bigint   not null,
    sha256        char(64) not null,
    data          bytea    not null
);
create index submission_file_by_submission on submission_file (submission_id);

-- An employer's report that it hired the author of a submission.
create table hire (
    id            uuid primary key,
    audition_id   uuid        not null references audition (id),
    submission_id uuid        not null unique references submission (id),
    learner_id    text        not null,
    role          text        not null,
    hired_at      timestamptz not null,
    reported_by   text        not null
);
