-- An employer's request to contact the author of a scored submission. The learner's identity is revealed
-- to the employer only once they accept; a hire can be reported only for such a candidate.
create table contact_request (
    id            uuid primary key,
    audition_id   uuid        not null references audition (id),
    submission_id uuid        not null unique references submission (id),
    org_id        text        not null,
    learner_id    text        not null,
    message       text        not null,
    status        text        not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    requested_by  text        not null,
    requested_at  timestamptz not null,
    answered_at   timestamptz,
    check ((status = 'PENDING') = (answered_at is null))
);
create index contact_request_by_learner on contact_request (learner_id, requested_at desc);
create index contact_request_by_audition on contact_request (audition_id, requested_at);
