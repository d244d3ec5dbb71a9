-- A changed payout account receives transfers only after a cooling period, so a stolen session cannot
-- redirect a learner's money at the next run; the previous reference is kept for the learner to see.
alter table payout_account add column usable_from timestamptz;
alter table payout_account add column previous_account_ref text;
update payout_account set usable_from = added_at;
alter table payout_account alter column usable_from set not null;
