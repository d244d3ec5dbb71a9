-- What scoring knows of each audition: its skill decides which reviewers qualify.
create table audition (
    audition_id uuid primary key,
    org_id      text        not null,
    title       text        not null,
    skill       text        not null check (skill ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    drafted_at  timestamptz not null
);
