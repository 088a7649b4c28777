/**
 * Who may use the account (seed "Account Users", issue 19): the holder, authorized users (full or
 * limited), property managers, attorneys with their document's legal review, and third parties with
 * their scope and end; each with level, since, relationship to the holder and who added them
 * (`GET /accounts/{n}/users`, an audited view). An agent adds an authorized user for the holder
 * here, with the relationship the holder gives ("My spouse should have access").
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useApi, useSession } from '../console-context.js'
import { dataOf, type RequestOf, type ResponseOf } from '../shared/api-client.js'
import { SelectField, TextField } from '../shared/form-field.js'
import { formatLocalDateTime } from '../shared/format.js'
import { useFormMutation } from '../shared/mutation.js'
import { FormActions, submitted } from '../shared/mutation-form.js'
import { Notice } from '../shared/notice.js'
import { Panel } from '../shared/panel.js'
import { loadedOf, PanelPending } from '../shared/panel-state.js'
import { DataTable } from '../shared/table.js'

export type AccountUser = ResponseOf<'/api/accounts/{accountNumber}/users', 'get'>['items'][number]

const poaStatusLabels: Record<string, string> = {
  pending: 'Waiting for legal review',
  approved: 'Approved by legal',
  rejected: 'Rejected by legal',
}

function addedByOf(user: AccountUser): string {
  if (!user.addedBy) return 'Named on the account'
  const who = user.addedBy.displayName ?? user.addedBy.id
  if (user.addedBy.kind === 'staff') return `${who} (staff)`
  if (user.addedBy.kind === 'customer') return `${who} (portal)`
  return who
}

export function UsersTab({ accountNumber }: { accountNumber: string }) {
  const api = useApi()
  const { user } = useSession()
  const queryClient = useQueryClient()
  const usersKey = ['account', accountNumber, 'users']
  const loaded = useQuery({
    queryKey: usersKey,
    queryFn: () =>
      dataOf(api.client.GET('/api/accounts/{accountNumber}/users', { params: { path: { accountNumber } } })),
  })
  const users = loadedOf(loaded, 'The account’s users could not be loaded.', ({ items }) => ({ items }))
  const mayAdd = user.permissions.includes('accounts.authorized_user.manage')
  const load = () => queryClient.invalidateQueries({ queryKey: usersKey })

  return (
    <div className="users-tab" data-testid="users-tab">
      <Panel title="Who may use this account" flush>
        <PanelPending
          state={users}
          loading={
            <p className="muted" aria-busy="true">
              Loading…
            </p>
          }
        />
        {users.status === 'loaded' && (
          <DataTable
            caption="People who may use the account, the holder first"
            columns={['Person', 'Access', 'Relationship', 'Since', 'Added by']}
          >
            {users.items.map((item) => (
              <tr
                key={item.userId ?? 'named-holder'}
                data-testid="account-user"
                data-kind={item.kind}
                data-email={item.email ?? ''}
              >
                <td>
                  <div>{item.displayName}</div>
                  <div className="muted">{item.email ?? 'No email on file'}</div>
                  {!item.portalLogin && <div className="muted">No portal login</div>}
                </td>
                <td>
                  <div>{item.level}</div>
                  {item.poaDocument && (
                    <span
                      className={`chip ${item.poaDocument.status === 'approved' ? 'chip-positive' : 'chip-neutral'}`}
                      data-testid="account-user-poa"
                    >
                      {poaStatusLabels[item.poaDocument.status] ?? item.poaDocument.status}
                    </span>
                  )}
                  {item.kind === 'third_party' && (
                    <div className="muted">
                      {item.scope.join(', ')}
                      {item.validTo ? `; until ${formatLocalDateTime(item.validTo)}` : ''}
                    </div>
                  )}
                </td>
                <td>{item.relationship ?? <span className="muted">—</span>}</td>
                <td className="nowrap">{formatLocalDateTime(item.since)}</td>
                <td>{addedByOf(item)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
      {mayAdd && <AddAuthorizedUser accountNumber={accountNumber} onAdded={() => void load()} />}
    </div>
  )
}

type Draft = { displayName: string; email: string; relationship: string; level: 'full' | 'limited' }
type NewUser = RequestOf<'/api/accounts/{accountNumber}/external-users', 'post'>
const emptyDraft: Draft = { displayName: '', email: '', relationship: '', level: 'full' }

/** The guide's "Adding an Authorized User (Agent Process)": full name, email, relationship, level. */
function AddAuthorizedUser({ accountNumber, onAdded }: { accountNumber: string; onAdded: () => void }) {
  const api = useApi()
  const ids = useId()
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const add = useFormMutation({
    mutationFn: (body: NewUser) =>
      dataOf(
        api.client.POST('/api/accounts/{accountNumber}/external-users', { params: { path: { accountNumber } }, body }),
      ),
    onSuccess: () => {
      setDraft(emptyDraft)
      onAdded()
    },
    failure: 'The authorized user could not be added. Please try again.',
  })
  const problems = Object.fromEntries(
    Object.entries(add.problems).map(([path, text]) => [path.replace(/^body\./, ''), text]),
  )
  const added = add.done && add.input

  function submit() {
    add.send({
      email: draft.email.trim(),
      displayName: draft.displayName.trim(),
      kind: draft.level === 'full' ? 'authorized_full' : 'authorized_limited',
      relationship: draft.relationship.trim(),
    })
  }

  return (
    <Panel title="Add an authorized user for the holder">
      <form className="form" onSubmit={submitted(submit)} noValidate>
        <p className="muted">Verify the account holder first; only the holder can ask for someone to be added.</p>
        <div className="form-inline-grid">
          <TextField
            id={`${ids}-name`}
            label="Full name"
            value={draft.displayName}
            onValueChange={(displayName) => setDraft({ ...draft, displayName })}
            error={problems['displayName']}
            data-testid="add-user-name"
          />
          <TextField
            id={`${ids}-email`}
            label="Email"
            type="email"
            value={draft.email}
            onValueChange={(email) => setDraft({ ...draft, email })}
            error={problems['email']}
            data-testid="add-user-email"
          />
          <TextField
            id={`${ids}-relationship`}
            label="Relationship to the account holder"
            hint="As the holder says it, e.g. spouse"
            value={draft.relationship}
            onValueChange={(relationship) => setDraft({ ...draft, relationship })}
            error={problems['relationship']}
            data-testid="add-user-relationship"
          />
          <SelectField
            id={`${ids}-level`}
            label="Access"
            value={draft.level}
            onValueChange={(level) => setDraft({ ...draft, level: level as Draft['level'] })}
            options={[
              { value: 'full', label: 'Full: view, pay, update contact details' },
              { value: 'limited', label: 'Limited: view only' },
            ]}
            data-testid="add-user-level"
          />
        </div>
        <Notice
          notice={
            add.error
              ? { tone: 'error', text: add.error }
              : added
                ? { tone: 'success', text: `${added.displayName} was added; they and the holder are told.` }
                : null
          }
          testId="add-user-message"
        />
        <FormActions
          sending={add.sending}
          submitLabel="Add authorized user"
          sendingLabel="Adding…"
          submitTestId="add-user-submit"
        />
      </form>
    </Panel>
  )
}
