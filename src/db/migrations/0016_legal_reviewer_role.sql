-- USR-2: the ninth staff role, the legal reviewer, who approves power-of-attorney documents.
alter table staff_users drop constraint staff_users_role_check;
alter table staff_users add constraint staff_users_role_check check (role in ('agent', 'supervisor',
  'billing_specialist', 'field_technician', 'collections_specialist', 'it_administrator', 'executive',
  'export_specialist', 'legal_reviewer'));
