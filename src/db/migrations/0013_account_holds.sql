-- ACC-6: account holds placed and lifted by people with the hold permission. A seasonal hold (a
-- holiday home left empty for the season) shows the account gray while it lasts.
create table account_holds (
  id text primary key,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('seasonal')),
  reason text not null check (length(reason) between 1 and 500),
  starts_on date not null,
  ends_on date,
  placed_by text not null,
  placed_at timestamptz not null,
  lifted_by text,
  lifted_at timestamptz,
  check (ends_on is null or ends_on > starts_on)
);
create index account_holds_account on account_holds (account_id) where lifted_at is null;
