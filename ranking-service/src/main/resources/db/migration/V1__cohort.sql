-- Each audition's learners form a cohort of one skill.
create table cohort (
    audition_id uuid primary key,
    org_id      text        not null,
    title       text        not null,
    skill       text        not null,
    drafted_at  timestamptz not null
);
create index cohort_skill on cohort (skill);
