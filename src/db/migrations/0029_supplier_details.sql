-- BIL-2 (issue 21): what a bill must say of the supplier itself: its registered name and address, how
-- to reach it, its company and VAT numbers. Kept apart from the numeric settings; '{}' until set.
alter table supplier add column details jsonb not null default '{}'::jsonb;
