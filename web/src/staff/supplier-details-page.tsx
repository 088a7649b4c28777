/**
 * The supplier's details that every bill carries (issue 21 item 1; Ofgem's bill content): registered
 * name, address, phone, email, website, company and VAT numbers. Those holding
 * `settings.supplier.read` see them; those also holding `settings.supplier.update` change them, each
 * problem the server finds shown beside its field. Nobody else sees the page in the navigation, and
 * the page says who it is for (the permission matrix gives both to IT administrators only).
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { TextField } from '../shared/form-field.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, FormError, submitted } from '../shared/mutation-form.js'
import { Notice, type NoticeMessage } from '../shared/notice.js'
import { PageHeader } from '../shared/page-header.js'
import { Panel } from '../shared/panel.js'
import { loadedOf, PanelPending, SkeletonCard } from '../shared/panel-state.js'
import { PermissionGate } from '../shell/permission-gate.js'
import {
  readSupplierDetails,
  type SupplierDetails,
  supplierDetailKeys,
  supplierDetailsReadPermission,
  supplierDetailsUpdatePermission,
  updateSupplierDetails,
} from './settings-api.js'

/** Each detail's label and the example the server's rule expects. */
const fieldsOf: Record<keyof SupplierDetails, { label: string; hint: string; autoComplete: string }> = {
  legalName: {
    label: 'Registered name',
    hint: 'As Companies House has it, e.g. Good Egg Energy Ltd',
    autoComplete: 'organization',
  },
  address: { label: 'Registered address', hint: 'On one line', autoComplete: 'street-address' },
  phone: { label: 'Customer service phone', hint: 'e.g. 0800 123 4567', autoComplete: 'tel' },
  email: { label: 'Customer service email', hint: 'e.g. hello@example.com', autoComplete: 'email' },
  website: { label: 'Website', hint: 'e.g. www.example.com', autoComplete: 'url' },
  companyNumber: {
    label: 'Company number',
    hint: 'Eight digits, or two letters and six (SC123456)',
    autoComplete: 'off',
  },
  vatNumber: { label: 'VAT number', hint: 'e.g. GB 123 4567 89', autoComplete: 'off' },
}

const settingsQueryKey = ['settings'] as const

export function SupplierDetailsPage() {
  return (
    <PermissionGate
      permission={supplierDetailsReadPermission}
      title="Supplier details"
      refusal="The supplier's details are kept by IT administrators."
    >
      <SupplierDetailsScreen />
    </PermissionGate>
  )
}

function SupplierDetailsScreen() {
  const api = useApi()
  const { user } = useSession()
  const canChange = user.permissions.includes(supplierDetailsUpdatePermission)
  const query = useQuery({ queryKey: settingsQueryKey, queryFn: () => readSupplierDetails(api) })
  const state = loadedOf(query, 'The supplier’s details could not be loaded.', (details) => ({ details }))
  // Kept here, not in the form: a save refetches the details, and the form starts again from them.
  const [notice, setNotice] = useState<NoticeMessage | null>(null)
  return (
    <div className="page supplier-details-page" data-testid="supplier-details-page">
      <PageHeader
        title="Supplier details"
        lede="What every bill and statement says of the supplier. A detail left empty is left off the bill."
      />
      <PanelPending state={state} loading={<SkeletonCard label="Loading the supplier’s details…" />} />
      {state.status === 'loaded' &&
        (canChange ? (
          <DetailsForm
            key={JSON.stringify(state.details)}
            details={state.details}
            notice={notice}
            onNotice={setNotice}
          />
        ) : (
          <DetailsFacts details={state.details} />
        ))}
    </div>
  )
}

/** The details to read, for those who may not change them. */
function DetailsFacts({ details }: { details: SupplierDetails }) {
  return (
    <Panel title="On every bill" testId="supplier-details-facts">
      <dl className="facts">
        {supplierDetailKeys.map((key) => (
          <div key={key}>
            <dt>{fieldsOf[key].label}</dt>
            <dd data-testid={`supplier-detail-${key}`}>{details[key] || <span className="muted">Not set</span>}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  )
}

/** The server names a field at the start of its message ("vatNumber must look like …"): say it without the key. */
function withoutKey(key: string, message: string | undefined): string | null {
  if (!message) return null
  // The field problems may come capitalised ("VatNumber must …"): the key is matched in any case.
  return message.toLowerCase().startsWith(`${key.toLowerCase()} `)
    ? `${message.charAt(key.length + 1).toUpperCase()}${message.slice(key.length + 2)}`
    : message
}

function DetailsForm({
  details,
  notice,
  onNotice: setNotice,
}: {
  details: SupplierDetails
  notice: NoticeMessage | null
  onNotice: (notice: NoticeMessage | null) => void
}) {
  const api = useApi()
  const [values, setValues] = useState<SupplierDetails>(details)
  const changed = supplierDetailKeys.filter((key) => values[key] !== details[key])
  const write = useFormMutation({
    mutationFn: (changes: Record<string, string>) => updateSupplierDetails(api, changes),
    invalidates: [settingsQueryKey],
    failure: 'The details could not be saved.',
    inlineFields: supplierDetailKeys,
    onSuccess: () => setNotice({ tone: 'success', text: 'Saved. Bills drawn from now on carry these details.' }),
  })

  function save() {
    setNotice(null)
    if (!write.check({})) return
    write.send(Object.fromEntries(changed.map((key) => [key, values[key]])))
  }

  const problems = write.problems
  const anyProblem = supplierDetailKeys.some((key) => problems[key])
  return (
    <Panel title="On every bill" testId="supplier-details-form-card">
      <form className="form" aria-label="The supplier's details" noValidate onSubmit={submitted(save)}>
        <Notice notice={notice} testId="supplier-details-outcome" />
        {anyProblem && (
          <p className="callout callout-error" role="alert" data-testid="supplier-details-problems">
            Some details are not valid: see the fields marked below.
          </p>
        )}
        <div className="form-inline-grid">
          {supplierDetailKeys.map((key) => (
            <TextField
              key={key}
              id={`supplier-${key}`}
              label={fieldsOf[key].label}
              hint={fieldsOf[key].hint}
              autoComplete={fieldsOf[key].autoComplete}
              value={values[key]}
              onValueChange={(value) => {
                setNotice(null)
                setValues((current) => ({ ...current, [key]: value }))
              }}
              error={withoutKey(key, problems[key])}
              errorTestId={`supplier-${key}-error`}
              wide={key === 'address' || key === 'legalName'}
              data-testid={`supplier-${key}`}
            />
          ))}
        </div>
        <FormError error={write.error} testId="supplier-details-error" />
        <FormActions
          submitLabel="Save details"
          sendingLabel="Saving…"
          sending={write.sending}
          submitDisabled={changed.length === 0}
          submitTestId="supplier-details-save"
        />
      </form>
    </Panel>
  )
}
