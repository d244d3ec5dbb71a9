-- Reviews score each criterion of a rubric; the refit learns per task how reliably each is judged and weighs a
-- review's criteria by that, instead of by the rubric's weights. Criteria are kept in the order of their keys,
-- which are listed comma-separated, so that a review's points, its rubric's maxima and the learnt weights line up
-- as arrays (the refit reads 400,000 reviews' points without parsing a JSON object each).
alter table review_observation add column criterion_keys text;
alter table review_observation add column criterion_points integer[];
alter table cohort add column criterion_keys text;
alter table cohort add column criterion_maxima integer[];
-- what one point of each criterion adds to a review's score on 0..1, as the last refit learnt it
alter table cohort add column criterion_weights double precision[];
