-- A payable cancelled before it was transferred: its work was found invalid after it had been paid.
alter table payable add column cancelled_at timestamptz;
drop index payable_untransferred;
create index payable_untransferred on payable (learner_id, accrued_at) where transfer_id is null and cancelled_at is null;
