-- Issue 22: the tenth staff role, the pricing analyst, who creates products and publishes price
-- changes with a second analyst's approval.
alter table staff_users drop constraint staff_users_role_check;
alter table staff_users add constraint staff_users_role_check check (role in ('agent', 'supervisor',
  'billing_specialist', 'field_technician', 'collections_specialist', 'it_administrator', 'executive',
  'export_specialist', 'legal_reviewer', 'pricing_analyst'));
