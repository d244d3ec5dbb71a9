-- A refit reads a skill's reviews in pages, in review order.
create index review_observation_by_skill on review_observation (skill, review_id);
