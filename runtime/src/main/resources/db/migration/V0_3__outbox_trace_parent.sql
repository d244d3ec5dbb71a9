-- The W3C trace context of the work that wrote the event (null when tracing is off), so the relay can
-- continue that trace when it publishes the event later.
alter table outbox add column trace_parent text;
