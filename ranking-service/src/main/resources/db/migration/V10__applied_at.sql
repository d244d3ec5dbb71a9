-- When a review was applied online: a refit leaves alone what a review applied while it ran has moved, and
-- finds those reviews by this. Reviews applied before it are older than any refit that can still run.
alter table review_observation add column applied_at timestamptz;
create index review_observation_applied on review_observation (skill, applied_at);
