-- Consumers forget events applied longer ago than proofwork.inbox.retention; this finds them.
create index processed_event_by_time on processed_event (processed_at);
