-- Reviews score each criterion of a rubric; the refit learns per task how reliably each is judged and weighs a
-- review's criteria by that, instead of by the rubric's weights. JSON text: criterion key -> value.
alter table review_observation add column criterion_scores text;
alter table cohort add column rubric_maxima text;
alter table cohort add column criterion_weights text;
