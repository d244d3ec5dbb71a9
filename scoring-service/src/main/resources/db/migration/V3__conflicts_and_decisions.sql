-- Organisations a reviewer belongs to (declared at registration or seen in their token): they are never
-- given work from those organisations' auditions.
alter table reviewer add column affiliations text not null default '[]';

-- Every operator decision that moves money or scores: who made it, when, and why. Rows are never changed.
create table operator_decision (
    id            uuid primary key,
    submission_id uuid        not null references submission (id),
    kind          text        not null,
    reason        text        not null,
    decided_by    text        not null,
    decided_at    timestamptz not null
);
create index operator_decision_by_submission on operator_decision (submission_id, decided_at);
