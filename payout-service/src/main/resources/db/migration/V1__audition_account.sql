-- One per audition: escrow is reserved into it when the audition is published.
create table audition_account (
    audition_id uuid primary key,
    org_id      text        not null,
    title       text        not null,
    skill       text        not null,
    drafted_at  timestamptz not null
);
create index audition_account_org on audition_account (org_id);
