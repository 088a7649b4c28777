/**
 * A new card as typed by the agent, for taking a payment and for keeping a card on the account: the
 * long number, the expiry, the security code and the name on the card. The number and the code are
 * cleared from the form (`withoutSecrets`) as the request is sent, whatever its outcome.
 */
import { expiryMonthOptions, expiryYearOptions, SelectField, TextField } from '../shared/form-field.js'
import { binder } from '../shared/form-values.js'
import type { Problems } from '../shared/mutation.js'

export type CardEntry = { number: string; expiryMonth: string; expiryYear: string; cvc: string; holderName: string }

export const emptyCard: CardEntry = { number: '', expiryMonth: '', expiryYear: '', cvc: '', holderName: '' }

/** The card as the API takes it. */
export function cardInput(card: CardEntry) {
  return {
    number: card.number.replace(/[\s-]/g, ''),
    expiryMonth: Number(card.expiryMonth),
    expiryYear: Number(card.expiryYear),
    cvc: card.cvc,
    ...(card.holderName.trim() ? { holderName: card.holderName.trim() } : {}),
  }
}

/** The card with its number and security code gone, once they are on their way. */
export function withoutSecrets(card: CardEntry): CardEntry {
  return { ...card, number: '', cvc: '' }
}

/**
 * What is wrong with the card before it is sent, under the API's field paths. With `expiry:
 * 'together'` a missing month or year is one problem (`card.expiry`), shown under the year.
 */
export function cardProblems(card: CardEntry, { expiry }: { expiry: 'separate' | 'together' }): Problems {
  const found: Problems = {}
  if (!/^\d{12,19}$/.test(card.number.replace(/[\s-]/g, '')))
    found['card.number'] = 'Enter the long number on the card.'
  if (expiry === 'together') {
    if (!card.expiryMonth || !card.expiryYear) found['card.expiry'] = 'Choose the expiry month and year.'
  } else {
    if (!card.expiryMonth) found['card.expiryMonth'] = 'Choose the month.'
    if (!card.expiryYear) found['card.expiryYear'] = 'Choose the year.'
  }
  if (!/^\d{3,4}$/.test(card.cvc)) found['card.cvc'] = 'The 3 or 4 digits on the back.'
  return found
}

/**
 * The card's fields, laid out by the grid around them. `testId` names the controls
 * (`${testId}-number`, `-month`, `-year`, `-cvc`); `errorTestId`, when given, names each problem
 * `${errorTestId}-card.number-error` and so on.
 */
export function CardFields({
  ids,
  card,
  onChange,
  problems,
  expiry,
  testId,
  errorTestId,
}: {
  ids: string
  card: CardEntry
  onChange: (card: CardEntry) => void
  problems: Problems
  expiry: 'separate' | 'together'
  testId: string
  errorTestId?: string
}) {
  const { bind } = binder(ids, card, (field, value) => onChange({ ...card, [field]: value }))
  const errorOf = (field: string) => ({
    error: problems[field],
    errorTestId: errorTestId ? `${errorTestId}-${field}-error` : undefined,
  })
  const thisYear = new Date().getFullYear()
  return (
    <>
      <TextField
        {...bind('number')}
        label="Card number"
        wide
        inputClassName="mono"
        inputMode="numeric"
        autoComplete="off"
        maxLength={23}
        {...errorOf('card.number')}
        data-testid={`${testId}-number`}
      />
      <SelectField
        {...bind('expiryMonth')}
        label="Expiry month"
        placeholder="Month"
        options={expiryMonthOptions}
        {...(expiry === 'separate' ? errorOf('card.expiryMonth') : {})}
        data-testid={`${testId}-month`}
      />
      <SelectField
        {...bind('expiryYear')}
        label="Expiry year"
        placeholder="Year"
        options={expiryYearOptions(thisYear)}
        {...(expiry === 'separate'
          ? errorOf('card.expiryYear')
          : { error: problems['card.expiry'] ?? problems['card.expiryMonth'] ?? problems['card.expiryYear'] })}
        data-testid={`${testId}-year`}
      />
      <TextField
        {...bind('cvc')}
        label="Security code"
        inputClassName="mono"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        {...errorOf('card.cvc')}
        data-testid={`${testId}-cvc`}
      />
      <TextField {...bind('holderName')} label="Name on the card" optional wide autoComplete="off" maxLength={100} />
    </>
  )
}
