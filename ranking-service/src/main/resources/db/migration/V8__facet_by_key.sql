-- A learner's own skills and a reviewer's quality are read by key across skills: without this index each such
-- read scanned every facet of every skill (40 ms at 100,000 learners, on every visit to "my skills").
create index facet_by_key on facet (facet_key, kind);
