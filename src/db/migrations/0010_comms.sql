-- COM-1..3: every message to and from a customer, its status history, letters as PDF, SMS enrolment.

-- One row per message, outbound (email, SMS, letter, a call we made) or inbound (an email, a call we
-- took). What was said is fixed once written (trigger below); only the delivery columns move.
create table comms_messages (
  id text primary key,
  account_id text not null references accounts (id),
  channel text not null check (channel in ('email', 'sms', 'letter', 'phone_call')),
  direction text not null check (direction in ('outbound', 'inbound')),
  template_key text check (template_key ~ '^[a-z][a-z_]*$'),
  subject text check (length(subject) <= 500),
  body text not null check (length(body) <= 100000),
  -- outbound: the email address, phone number or one-line postal address it went to; inbound: ours
  recipient text,
  -- inbound: the address or number it came from
  sender text,
  status text not null check (status in ('queued', 'sent', 'delivered', 'opened', 'clicked', 'failed',
    'bounced', 'received', 'completed')),
  status_at timestamptz not null,
  related_type text check (related_type ~ '^[a-z][a-z_]*$'),
  related_id text check (length(related_id) between 1 and 200),
  handle_seconds integer check (handle_seconds between 0 and 86400),
  -- when it was written, received or the call started
  occurred_at timestamptz not null,
  created_at timestamptz not null,
  created_by_kind text not null,
  created_by_id text,
  -- delivery: the transport that took it and its id there (an email's Message-ID), retries
  provider text,
  provider_message_id text,
  delivery_attempts integer not null default 0 check (delivery_attempts >= 0),
  next_attempt_at timestamptz,
  failure_reason text,
  unique (account_id, id),
  check ((related_type is null) = (related_id is null)),
  check ((channel = 'phone_call') = (handle_seconds is not null)),
  check (direction = 'outbound' or channel in ('email', 'phone_call')),
  check (direction = 'outbound' or status in ('received', 'completed')),
  check (channel <> 'phone_call' or status = 'completed'),
  check (channel = 'phone_call' or direction = 'outbound' or status = 'received')
);
create index comms_messages_account on comms_messages (account_id, id desc);
create index comms_messages_related on comms_messages (related_type, related_id) where related_type is not null;
create index comms_messages_due on comms_messages (next_attempt_at, id) where status = 'queued';
create unique index comms_messages_provider_id on comms_messages (provider, provider_message_id)
  where provider_message_id is not null;
-- Inbound email carries the sender's Message-ID: logging the same email twice is refused.
create unique index comms_messages_inbound_id on comms_messages (account_id, provider_message_id)
  where direction = 'inbound' and provider_message_id is not null;

create or replace function comms_message_content_fixed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'comms_messages keeps every message: DELETE refused' using errcode = 'P0001';
  end if;
  if (new.id, new.account_id, new.channel, new.direction, new.template_key, new.subject, new.body, new.recipient,
      new.sender, new.related_type, new.related_id, new.handle_seconds, new.occurred_at, new.created_at,
      new.created_by_kind, new.created_by_id)
     is distinct from
     (old.id, old.account_id, old.channel, old.direction, old.template_key, old.subject, old.body, old.recipient,
      old.sender, old.related_type, old.related_id, old.handle_seconds, old.occurred_at, old.created_at,
      old.created_by_kind, old.created_by_id) then
    raise exception 'comms_messages: what a message says, to whom and when is fixed once written'
      using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger comms_messages_content_fixed before update or delete on comms_messages
  for each row execute function comms_message_content_fixed();
create trigger comms_messages_no_truncate before truncate on comms_messages
  for each statement execute function refuse_change();

-- The status history: every status a message has had, appended, never changed.
create table comms_message_events (
  id text primary key,
  account_id text not null references accounts (id),
  message_id text not null references comms_messages (id),
  status text not null check (status in ('queued', 'sent', 'delivered', 'opened', 'clicked', 'failed',
    'bounced', 'received', 'completed')),
  -- when it happened by the provider's account; recorded_at is when we learnt it
  occurred_at timestamptz not null,
  recorded_at timestamptz not null,
  detail text check (length(detail) <= 2000),
  recorded_by_kind text not null,
  recorded_by_id text,
  unique (account_id, id)
);
create index comms_message_events_message on comms_message_events (message_id, id);
create trigger comms_message_events_append_only before update or delete on comms_message_events
  for each row execute function refuse_change();
create trigger comms_message_events_no_truncate before truncate on comms_message_events
  for each statement execute function refuse_change();

-- A letter as it was printed: the PDF and the address it went to, kept as made.
create table comms_letters (
  message_id text primary key references comms_messages (id),
  account_id text not null references accounts (id),
  address jsonb not null,
  pdf bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  unique (account_id, message_id)
);
create trigger comms_letters_append_only before update or delete on comms_letters
  for each row execute function refuse_change();
create trigger comms_letters_no_truncate before truncate on comms_letters
  for each statement execute function refuse_change();

-- SMS only to customers who enrolled for it (COM-1), at the number they enrolled. Paper or
-- paperless is the account's billing_mode (0002).
create table comms_sms_enrolments (
  account_id text primary key references accounts (id),
  enrolled boolean not null,
  phone_number text check (phone_number ~ '^[0-9]{10,11}$'),
  updated_at timestamptz not null,
  check (not enrolled or phone_number is not null)
);
