-- AUD-1: the audit chain's hashes are no longer held unique by an index. Nothing looks an event up
-- by its hash (the chain head is the event with the highest seq), a SHA-256 over the event and the
-- hash before it never repeats, and a unique index would not stop a fork anyway (two events linking
-- to one hash have different hashes). What the index did cost was a write to a random page of a
-- large index for every event recorded — the largest share of a billing run's reads once the chain
-- is long. The chain is checked by recomputing it (`cuttle audit verify`, `GET /api/audit/verify`).
alter table audit_events drop constraint audit_events_hash_key;
