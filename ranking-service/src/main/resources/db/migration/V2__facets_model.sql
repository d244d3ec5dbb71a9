-- Who wrote which submission, from seat claims and submissions (reviews name only the submission).
create table learner_attempt (
    attempt_id uuid primary key,
    learner_id text not null
);
create table submission_author (
    submission_id uuid primary key,
    learner_id    text not null,
    audition_id   uuid not null
);
create index submission_author_by_audition on submission_author (audition_id);

-- Every review, kept for the batch refit; applied online as soon as its author is known.
create table review_observation (
    review_id     uuid primary key,
    submission_id uuid             not null,
    skill         text             not null,
    task_id       uuid             not null,
    reviewer_id   text             not null,
    score         double precision not null,
    observed_at   timestamptz      not null,
    applied       boolean          not null default false
);
create index review_observation_pending on review_observation (submission_id) where not applied;

-- The facets, per skill, on one latent scale: learners' ability, tasks' difficulty, reviewers' severity.
create table facet (
    skill            text             not null,
    kind             text             not null,
    facet_key        text             not null,
    mu               double precision not null,
    variance         double precision not null,
    evidence         integer          not null,
    last_evidence_at timestamptz      not null,
    published_score  integer,
    primary key (skill, kind, facet_key)
);
create index facet_leaderboard on facet (skill, published_score desc, facet_key) where kind = 'LEARNER';

create table hire_outcome (
    submission_id uuid primary key,
    learner_id    text        not null,
    skill         text        not null,
    hired_at      timestamptz not null
);
create index hire_outcome_by_skill on hire_outcome (skill, learner_id);

-- Connected components of the design graph (learners, tasks and reviewers joined by reviews): cohorts
-- are comparable only within one component, linked by anchor tasks and roaming reviewers.
create table facet_component (
    skill text not null,
    node  text not null,
    root  text not null,
    primary key (skill, node)
);
create index facet_component_root on facet_component (skill, root);

-- Keys that sign proofs. Retired keys stay published so proofs they signed still verify.
create table signing_key (
    kid         text primary key,
    private_key bytea       not null,
    public_jwk  text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);

create table proof (
    id          uuid primary key,
    learner_id  text        not null,
    skill       text        not null,
    kid         text        not null references signing_key (kid),
    issued_at   timestamptz not null,
    valid_until timestamptz not null,
    revoked_at  timestamptz
);
