-- When a review was applied online: a refit leaves alone what a review applied while it ran has moved, and
-- finds those reviews by this. Reviews applied before it are older than any refit that can still run.
alter table review_observation add column applied_at timestamptz;
-- On the time alone: the few reviews applied since a moment are found by it, and a refit's reading of a skill in
-- review order is never tempted away from its own index (with the skill leading, the planner read a freshly
-- loaded skill of 400,000 reviews by this one instead, 15 s against 4)
create index review_observation_applied on review_observation (applied_at);
