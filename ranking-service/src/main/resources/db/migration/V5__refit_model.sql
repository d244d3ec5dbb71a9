-- Anchor auditions are taken in every cohort: the refit does not read their takers as one cohort.
alter table cohort add column anchor boolean not null default false;

-- A reviewer's own noise as the last refit estimated it (null until then): online updates weigh their
-- reviews by it, and operators see erratic reviewers by it.
alter table facet add column noise_variance double precision;

-- When each skill was last refitted and over how many reviews: refits run again after enough new evidence
-- or after enough time.
create table skill_refit (
    skill       text        primary key,
    refitted_at timestamptz not null,
    reviews     integer     not null
);
