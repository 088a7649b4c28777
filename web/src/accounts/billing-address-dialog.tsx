/**
 * Change where the account's post goes (ACC-2): a mailing address, or back to the service address.
 * The server checks each field (a UK postcode on the gb market) and names the one that is wrong.
 */
import { useQueryClient } from '@tanstack/react-query'
import type { PostalAddress } from '../api.js'
import { useApi } from '../console-context.js'
import { dataOf } from '../shared/api-client.js'
import { DialogForm } from '../shared/dialog-form.js'
import { TextField } from '../shared/form-field.js'
import { useFormValues } from '../shared/form-values.js'
import { useFormMutation } from '../shared/mutation.js'

export function BillingAddressDialog({
  accountNumber,
  current,
  onClose,
}: {
  accountNumber: string
  current: PostalAddress | null
  onClose: () => void
}) {
  const api = useApi()
  const queryClient = useQueryClient()
  const form = useFormValues({
    line1: current?.addressLines[0] ?? '',
    line2: current?.addressLines[1] ?? '',
    town: current?.town ?? '',
    postcode: current?.postcode ?? '',
  })
  const { line1, line2, town, postcode } = form.values
  const save = useFormMutation({
    mutationFn: (billingAddress: { line1: string; line2: string | null; town: string; postcode: string } | null) =>
      dataOf(
        api.client.PUT('/api/accounts/{accountNumber}/billing-address', {
          params: { path: { accountNumber } },
          body: { billingAddress },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['account', accountNumber, 'overview'] })
      onClose()
    },
    failure: 'The billing address could not be saved.',
    inlineFields: ['line1', 'line2', 'town', 'postcode'].map((field) => `billingAddress.${field}`),
  })
  // The server names its fields `billingAddress.postcode`: each shown beside the field of that name.
  const problems = Object.fromEntries(
    Object.entries(save.problems).map(([path, problem]) => [path.replace(/^billingAddress\./, ''), problem]),
  )

  function submit() {
    const found: Record<string, string> = {}
    if (!line1.trim()) found['line1'] = 'Enter the first line of the address.'
    if (!town.trim()) found['town'] = 'Enter the town.'
    if (!postcode.trim()) found['postcode'] = 'Enter the postcode.'
    if (save.check(found))
      save.send({ line1: line1.trim(), line2: line2.trim() || null, town: town.trim(), postcode: postcode.trim() })
  }

  return (
    <DialogForm
      title="Billing address"
      onClose={onClose}
      testId="billing-address-dialog"
      onSubmit={submit}
      error={save.error}
      errorTestId="billing-address-error"
      sending={save.sending}
      submitLabel="Save address"
      sendingLabel="Saving…"
      submitTestId="billing-address-save"
      before={
        current ? (
          <button
            type="button"
            className="button"
            onClick={() => save.send(null)}
            disabled={save.sending}
            data-testid="billing-address-clear"
          >
            Use the service address
          </button>
        ) : null
      }
    >
      <p className="muted">
        Statements and letters sent by post go here. Leave it to the service address if that is where the customer
        lives.
      </p>
      <TextField {...form.bind('line1', problems)} label="Address line 1" data-testid="billing-address-line1" />
      <TextField {...form.bind('line2', problems)} label="Address line 2" optional />
      <TextField {...form.bind('town', problems)} label="Town" data-testid="billing-address-town" />
      <TextField {...form.bind('postcode', problems)} label="Postcode" data-testid="billing-address-postcode" />
    </DialogForm>
  )
}
