-- COM-4: suggested replies to inbound email, drafted from what the message is about, the account's
-- facts and the knowledge base. One suggestion per inbound message. A person must review it (and may
-- edit it) before it can be sent; what was drafted stays as drafted, the reviewer's text is kept
-- beside it, and the message it was sent as is linked.
create table assist_drafts (
  id text primary key,
  account_id text not null references accounts (id),
  inbound_message_id text not null,
  intent text not null check (intent ~ '^[a-z][a-z_]*$'),
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  template_key text not null check (template_key ~ '^[a-z][a-z_]*$'),
  subject text not null check (length(subject) between 1 and 500),
  body text not null check (length(body) between 1 and 10000),
  -- the facts and knowledge-base articles (with versions) the draft used, the evidence, the method
  sources jsonb not null,
  status text not null check (status in ('draft', 'reviewed', 'sent', 'discarded')),
  reviewed_by text,
  reviewed_at timestamptz,
  edited_body text check (length(edited_body) between 1 and 10000),
  sent_message_id text,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null,
  unique (account_id, id),
  unique (account_id, inbound_message_id),
  foreign key (account_id, inbound_message_id) references comms_messages (account_id, id),
  foreign key (account_id, sent_message_id) references comms_messages (account_id, id),
  -- only a reviewed draft is ever sent, and a sent one names its message
  check (status not in ('reviewed', 'sent') or (reviewed_by is not null and reviewed_at is not null)),
  check ((status = 'sent') = (sent_message_id is not null))
);
create index assist_drafts_account on assist_drafts (account_id, created_at desc);
