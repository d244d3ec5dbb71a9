-- The part of a learner's variance that is where their cohort sits: reviews of their own do not shrink it
-- (their task's difficulty carries the same doubt). Zero for learners a refit last placed before this column:
-- their online updates shrink all of their variance, as before, until the next refit sets it.
alter table facet add column placement_variance double precision not null default 0;
