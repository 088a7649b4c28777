-- PAY-5 (issue 21): a billing specialist may set the amount of a Direct Debit's next collection (after a
-- rebill, say); that day's collection takes it, once. Kept with who set it, when and why.
create table direct_debit_overrides (
  instruction_id text not null references direct_debit_instructions (id),
  collect_on date not null,
  amount_minor bigint not null check (amount_minor >= 0),
  reason text not null check (length(reason) between 1 and 500),
  set_by text,
  set_at timestamptz not null,
  primary key (instruction_id, collect_on)
);
