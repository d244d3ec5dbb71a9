-- What moved a learner's estimate in a skill, and by how much: a review applied online, or a refit.
-- The learner's history page and its chart read it.
create table score_change (
    id           uuid             primary key,
    skill        text             not null,
    learner_id   text             not null,
    changed_at   timestamptz      not null,
    cause        text             not null,
    audition_id  uuid,
    mu_before    double precision not null,
    sigma_before double precision not null,
    mu_after     double precision not null,
    sigma_after  double precision not null
);
create index score_change_by_learner on score_change (learner_id, skill, changed_at);
