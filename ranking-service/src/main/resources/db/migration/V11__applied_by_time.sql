-- A review is applied when it has a time it was applied: one column instead of a flag and a time that must agree.
-- Reviews applied before V10 have no time; their review time stands in for it, earlier than their application,
-- which is all a refit asks of it (a refit running now did not begin reading before them).
update review_observation set applied_at = observed_at where applied and applied_at is null;
drop index review_observation_pending;
alter table review_observation drop column applied;
create index review_observation_pending on review_observation (submission_id) where applied_at is null;
