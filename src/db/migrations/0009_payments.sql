-- PAY-1..7, COL-1..4, ACC-7: payment methods (tokens only), payments and their processor events,
-- credits and refunds with approvals, Direct Debit, payment arrangements, collections, and the
-- Priority Services Register.

-- PAY-1: a card or bank account is kept only as the processor's token, a brand and the last four
-- digits. No column can hold a full card number: every text column is short or checked.
create table payment_methods (
  id text primary key,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('card', 'bank_account')),
  processor text not null check (length(processor) between 1 and 40),
  token text not null unique check (token ~ '^[a-z]+_[A-Za-z0-9_]{8,80}$'),
  brand text not null check (length(brand) between 1 and 40),
  last4 text not null check (last4 ~ '^[0-9]{4}$'),
  expiry_month integer check (expiry_month between 1 and 12),
  expiry_year integer check (expiry_year between 2000 and 2100),
  holder_name text check (length(holder_name) <= 100),
  -- single_use: a card entered for one payment and not kept for the next.
  status text not null check (status in ('active', 'removed', 'single_use')),
  created_at timestamptz not null,
  removed_at timestamptz,
  check ((kind = 'card') = (expiry_month is not null and expiry_year is not null))
);
create index payment_methods_account on payment_methods (account_id);

-- PAY-2, PAY-3: one row per payment; its ledger journal is posted when taken (pending ones too) and
-- reversed on a failure or a return.
create table payments (
  id text primary key,
  confirmation_number text not null unique check (confirmation_number ~ '^P-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  account_id text not null references accounts (id),
  method text not null check (method in ('card', 'bank_account', 'direct_debit', 'check', 'cash')),
  payment_method_id text references payment_methods (id),
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  statement_id text references statements (id),
  status text not null check (status in ('pending', 'succeeded', 'failed', 'returned')),
  processor text,
  processor_ref text unique,
  failure_code text,
  failure_message text check (length(failure_message) <= 300),
  reference text check (length(reference) <= 100),
  -- Where the payment came from: taken by staff, a Direct Debit collection, an arrangement instalment.
  source text not null check (source in ('staff', 'direct_debit', 'customer')),
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 200),
  request_fingerprint text not null,
  journal_id text references ledger_journals (id),
  reversal_journal_id text references ledger_journals (id),
  taken_on date not null,
  -- When the money is expected on the account (read back to the customer).
  posts_on date not null,
  created_by text not null,
  created_at timestamptz not null,
  status_at timestamptz not null
);
create index payments_account on payments (account_id, created_at desc);
create index payments_open on payments (status) where status in ('pending', 'succeeded');

-- Every state a payment went through, and where the news came from; never changed.
create table payment_events (
  id text primary key,
  payment_id text not null references payments (id),
  status text not null check (status in ('pending', 'succeeded', 'failed', 'returned')),
  source text not null check (source in ('taken', 'processor', 'staff')),
  processor_event_id text unique,
  detail text check (length(detail) <= 300),
  occurred_at timestamptz not null,
  recorded_at timestamptz not null
);
create index payment_events_payment on payment_events (payment_id, recorded_at);
create trigger payment_events_append_only before update or delete on payment_events
  for each row execute function refuse_change();

-- PAY-4: goodwill credits and refunds; above the supplier's limit they wait for a supervisor.
create table credit_requests (
  id text primary key,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('goodwill_credit', 'refund')),
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  reason text not null check (length(reason) between 1 and 500),
  status text not null check (status in ('pending_approval', 'completed', 'rejected')),
  needs_approval boolean not null,
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 200),
  request_fingerprint text not null,
  requested_by text not null,
  requested_by_kind text not null,
  requested_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  decision_note text check (length(decision_note) <= 500),
  journal_id text references ledger_journals (id),
  -- A refund goes back to a payment method through the processor, or by bank transfer or cheque.
  refund_to_payment_method_id text references payment_methods (id),
  processor_ref text,
  check (status <> 'completed' or journal_id is not null)
);
create index credit_requests_pending on credit_requests (requested_at) where status = 'pending_approval';
create index credit_requests_account on credit_requests (account_id, requested_at desc);

-- PAY-5: Direct Debit (auto-pay): a fixed monthly amount or variable (each statement), from a bank
-- account; a debt repayment element for a payment plan.
create table direct_debit_instructions (
  id text primary key,
  account_id text not null references accounts (id),
  payment_method_id text not null references payment_methods (id),
  kind text not null check (kind in ('fixed', 'variable')),
  amount_minor bigint check (amount_minor > 0),
  debt_repayment_minor bigint not null default 0 check (debt_repayment_minor >= 0),
  payment_day integer not null check (payment_day between 1 and 28),
  status text not null check (status in ('active', 'cancelled')),
  created_at timestamptz not null,
  cancelled_at timestamptz,
  check ((kind = 'fixed') = (amount_minor is not null))
);
create unique index direct_debit_one_active on direct_debit_instructions (account_id) where status = 'active';

-- One collection per instruction and due date (fixed) or statement (variable): a rerun collects nothing twice.
create table direct_debit_collections (
  id text primary key,
  instruction_id text not null references direct_debit_instructions (id),
  collect_on date not null,
  statement_id text references statements (id),
  payment_id text references payments (id),
  amount_minor bigint not null,
  -- BIL-4: a business invoice debit over the supplier's threshold waits for a manual approval.
  outcome text not null check (outcome in ('collected', 'nothing_due', 'failed', 'awaiting_approval', 'rejected')),
  detail text,
  created_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  unique (instruction_id, collect_on)
);

-- PAY-6: payment arrangements and their instalments (the down payment is instalment 0).
create table payment_arrangements (
  id text primary key,
  account_id text not null references accounts (id),
  past_due_minor bigint not null check (past_due_minor > 0),
  down_payment_minor bigint not null check (down_payment_minor >= 0),
  instalment_minor bigint not null check (instalment_minor > 0),
  frequency text not null check (frequency in ('weekly', 'fortnightly', 'monthly')),
  instalments integer not null check (instalments between 1 and 60),
  starts_on date not null,
  grace_days integer not null check (grace_days between 0 and 30),
  status text not null check (status in ('active', 'completed', 'broken', 'cancelled')),
  created_by text not null,
  created_at timestamptz not null,
  ended_at timestamptz,
  end_reason text
);
create unique index payment_arrangements_one_active on payment_arrangements (account_id) where status = 'active';

create table arrangement_instalments (
  arrangement_id text not null references payment_arrangements (id),
  seq integer not null check (seq >= 0),
  due_on date not null,
  amount_minor bigint not null check (amount_minor > 0),
  primary key (arrangement_id, seq)
);

-- COL-1..3: each collections step taken on an account, once per debt episode (the due date of the
-- oldest unpaid charge), with the message it sent.
create table collection_actions (
  id text primary key,
  account_id text not null references accounts (id),
  episode_due_on date not null,
  action text not null check (action in ('payment_reminder', 'final_notice', 'disconnection_notice',
    'debt_collection_referral', 'late_fee', 'escalation_withheld')),
  amount_minor bigint,
  message_id text,
  journal_id text references ledger_journals (id),
  detail text,
  taken_by text not null,
  taken_at timestamptz not null,
  unique (account_id, episode_due_on, action)
);
create index collection_actions_account on collection_actions (account_id, taken_at desc);

create table disconnection_orders (
  id text primary key,
  account_id text not null references accounts (id),
  status text not null check (status in ('pending', 'cancelled', 'completed')),
  reason text not null check (length(reason) between 1 and 500),
  requested_by text not null,
  requested_at timestamptz not null,
  ended_by text,
  ended_at timestamptz
);
create unique index disconnection_orders_one_pending on disconnection_orders (account_id) where status = 'pending';

-- COL-4: affordability checks and debt-advice signposting, recorded; never changed.
create table collection_notes (
  id text primary key,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('affordability', 'debt_advice')),
  body text not null check (length(body) between 1 and 2000),
  details jsonb not null,
  created_by text not null,
  created_at timestamptz not null
);
create index collection_notes_account on collection_notes (account_id, created_at desc);
create trigger collection_notes_append_only before update or delete on collection_notes
  for each row execute function refuse_change();

-- ACC-7: Priority Services Register needs and other vulnerability, with consent and a review date.
create table account_vulnerabilities (
  id text primary key,
  account_id text not null references accounts (id),
  register text not null check (register in ('psr', 'vulnerable')),
  category text not null check (length(category) between 1 and 60),
  consent_given boolean not null,
  consent_on date,
  review_on date,
  note text check (length(note) <= 500),
  created_by text not null,
  created_at timestamptz not null,
  removed_at timestamptz,
  check (register <> 'psr' or (consent_given and consent_on is not null))
);
create index account_vulnerabilities_account on account_vulnerabilities (account_id) where removed_at is null;
