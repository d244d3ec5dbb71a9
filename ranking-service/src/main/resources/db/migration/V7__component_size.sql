-- How many nodes (and of them learners) each connected component holds, kept as reviews merge components:
-- the largest component and the leaderboard's size become one index read instead of a count over the skill.
create table facet_component_size (
    skill    text    not null,
    root     text    not null,
    nodes    integer not null,
    learners integer not null,
    primary key (skill, root)
);
create index facet_component_largest on facet_component_size (skill, nodes desc, root);

insert into facet_component_size (skill, root, nodes, learners)
select skill, root, count(*), count(*) filter (where node like 'L:%')
from facet_component group by skill, root;
