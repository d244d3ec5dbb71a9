create table audition (
    id         uuid primary key,
    org_id     text        not null,
    created_by text        not null,
    title      text        not null,
    skill      text        not null check (skill ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status     text        not null,
    created_at timestamptz not null
);
create index audition_org on audition (org_id);
