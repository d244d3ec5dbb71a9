-- An employer may ask for its audition to be an anchor task; only the operator's approval makes it one.
alter table audition add column anchor_requested boolean not null default false;
update audition set anchor_requested = anchor where status in ('DRAFT', 'IN_SCOPING');
update audition set anchor = false where status in ('DRAFT', 'IN_SCOPING');
