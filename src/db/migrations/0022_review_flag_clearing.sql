-- USR-4: "Flag the account for supervisor review". A supervisor clears a flag with a note; who cleared
-- it and why stay on the row (and in the audit log). A flag is either open (nothing set) or cleared
-- (all three set). The open flags across all accounts are read oldest first for the review queue.

alter table account_review_flags
  add column cleared_by_id text,
  add column clear_note text check (clear_note is null or length(clear_note) between 1 and 2000),
  add constraint account_review_flags_cleared_whole check (
    (cleared_at is null and cleared_by_id is null and clear_note is null)
    or (cleared_at is not null and cleared_by_id is not null and clear_note is not null)
  );

create index account_review_flags_open_queue on account_review_flags (raised_at, id) where cleared_at is null;
