-- When the audition opened to learners and closed: only an open audition has a fit diagnostic.
alter table cohort add column opened_at timestamptz;
alter table cohort add column closed_at timestamptz;
