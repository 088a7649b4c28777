/**
 * ACC-9: move the customer out. The date the next occupant's supply starts, an optional final
 * reading per register (without one the final read is estimated), and the next occupant (or "The
 * Occupier"). The server does it all in one transaction: the final bill and settlement, the supply and
 * tariff moved, this account closed, the next one opened.
 */
import { useApi } from '../console-context.js'
import { announceAccountChanged } from '../payments/payments-api.js'
import { Link, paths } from '../router.js'
import { dataOf } from '../shared/api-client.js'
import { Dialog } from '../shared/dialog.js'
import { DialogForm } from '../shared/dialog-form.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { formatMinor } from '../shared/money.js'
import { useFormMutation } from '../shared/mutation.js'

export function MoveOutDialog({ accountNumber, onClose }: { accountNumber: string; onClose: () => void }) {
  const api = useApi()
  const form = useFormValues({ on: '', name: '', email: '' })
  const { on, name, email } = form.values
  const move = useFormMutation({
    mutationFn: () =>
      dataOf(
        api.client.POST('/api/accounts/{accountNumber}/move-out', {
          params: { path: { accountNumber } },
          body: {
            on,
            newOccupant: name.trim() ? { name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}) } : null,
          },
        }),
      ),
    onSuccess: () => announceAccountChanged(accountNumber),
    failure: 'The move could not be made.',
  })
  const { problems, result } = move

  function submit() {
    const found: Record<string, string> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) found['on'] = 'Choose the first day of the next occupant.'
    if (move.check(found)) move.send()
  }

  if (result) {
    const settlement = result.finalStatement?.settlement
    return (
      <Dialog title="Moved out" onClose={onClose} testId="move-out-dialog">
        <div className="callout" data-testid="move-out-result">
          {result.finalStatement ? (
            <p>
              Final statement {result.finalStatement.number}: {formatMinor(result.finalStatement.totalMinor)}
              {result.finalStatement.estimated ? ' (on an estimated final reading)' : ''}.{' '}
              {settlement && settlement.kind === 'refund'
                ? `A refund of ${formatMinor(settlement.amountMinor.replace('-', ''))} is on its way.`
                : settlement && settlement.kind === 'payment_request'
                  ? `${formatMinor(settlement.amountMinor)} is owed.`
                  : 'Nothing is owed either way.'}
            </p>
          ) : (
            <p>The account was billed to the move date already: a billing specialist settles the final balance.</p>
          )}
          <p>
            The next account is{' '}
            <Link to={paths.account(result.newAccount.number)} className="mono" onClick={onClose}>
              {result.newAccount.number}
            </Link>{' '}
            ({result.newAccount.customerName}).
          </p>
        </div>
      </Dialog>
    )
  }

  return (
    <DialogForm
      title="Move out"
      onClose={onClose}
      testId="move-out-dialog"
      onSubmit={submit}
      error={move.error}
      errorTestId="move-out-error"
      live={false}
      cancel={false}
      sending={move.sending}
      submitLabel="Final bill and move out"
      sendingLabel="Moving…"
      submitTestId="move-out-submit"
    >
      <p className="muted">
        The final bill runs to the start of this date; without a final reading it is estimated. A reading taken later
        gives a corrected final bill.
      </p>
      <TextField
        {...form.bind('on', problems)}
        label="First day of the next occupant"
        type="date"
        data-testid="move-out-on"
      />
      <TextField
        {...form.bind('name')}
        label="Next occupant"
        optional
        hint='Leave empty for "The Occupier".'
        data-testid="move-out-name"
      />
      <TextField {...form.bind('email')} label="Their email" optional type="email" data-testid="move-out-email" />
    </DialogForm>
  )
}
