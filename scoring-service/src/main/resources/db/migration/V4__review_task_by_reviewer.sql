-- Placement prefers a reviewer who has reviewed another cohort of the skill: that looks up every task of a
-- reviewer, whatever its state, once per candidate and placement.
create index review_task_by_reviewer on review_task (reviewer_id, submission_id);
