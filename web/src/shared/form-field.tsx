/**
 * The console's form fields: a label, the control, and the problem (or a hint) under it, wired
 * together for assistive technology (`aria-invalid`, `aria-describedby`). Screens keep their own
 * state and validation; these only draw the markup every form repeated.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { ApiError } from '../api.js'
import { currencySymbol } from './brand.js'

type FieldFrame = {
  /** The control's id; the label points at it and the error's id is derived from it. */
  id: string
  label: ReactNode
  /** Shown as "(optional)" after the label. */
  optional?: boolean
  error?: string | null | undefined
  /** A `data-testid` for the error text. */
  errorTestId?: string
  hint?: ReactNode
  /** Spans the whole row of a `form-inline-grid`. */
  wide?: boolean
  className?: string
}

const frameKeys: ReadonlySet<string> = new Set<keyof FieldFrame>([
  'id',
  'label',
  'optional',
  'error',
  'errorTestId',
  'hint',
  'wide',
  'className',
])

/** A field's props split into the frame's (for `Field`) and the control's own. */
function splitFrame<Props extends FieldFrame>(props: Props): [FieldFrame, Omit<Props, keyof FieldFrame>] {
  const frame: Record<string, unknown> = {}
  const control: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) (frameKeys.has(key) ? frame : control)[key] = value
  return [frame as FieldFrame, control as Omit<Props, keyof FieldFrame>]
}

/** The ids the control should carry so the label, error and hint describe it. */
export function fieldAria({ id, error, hint }: Pick<FieldFrame, 'id' | 'error' | 'hint'>) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const
}

/** A field around any control: label, the control, then its problem or hint. */
export function Field({
  id,
  label,
  optional = false,
  error,
  errorTestId,
  hint,
  wide = false,
  className,
  children,
}: FieldFrame & { children: ReactNode }) {
  const classes = ['field', wide ? 'form-wide' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <div className={classes}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="muted">(optional)</span>
          </>
        )}
      </label>
      {children}
      {error ? (
        <span className="field-error" id={`${id}-error`} data-testid={errorTestId}>
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  )
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value' | 'className'> & {
  value: string
  onValueChange: (value: string) => void
  inputClassName?: string
  'data-testid'?: string
}

/** A labelled text input. */
export function TextField(props: FieldFrame & InputProps) {
  const [frame, { value, onValueChange, inputClassName, ...input }] = splitFrame(props)
  return (
    <Field {...frame}>
      <input
        id={frame.id}
        className={`input${inputClassName ? ` ${inputClassName}` : ''}`}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...fieldAria(frame)}
        {...input}
      />
    </Field>
  )
}

/**
 * A labelled amount in pounds and pence, typed as text (read exactly by `parsePounds`, never as a
 * float); the label names the supplier's currency symbol, e.g. "(£)".
 */
export function PoundsField({ label, ...props }: FieldFrame & InputProps) {
  return (
    <TextField
      label={
        <>
          {label} ({currencySymbol()})
        </>
      }
      inputMode="decimal"
      autoComplete="off"
      inputClassName="input-money"
      {...props}
    />
  )
}

export type SelectOption = { value: string; label: string; disabled?: boolean }

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value' | 'className'> & {
  value: string
  onValueChange: (value: string) => void
  options: readonly SelectOption[]
  /** A first, empty choice ("Choose…"). */
  placeholder?: string
  'data-testid'?: string
}

/** A labelled select. */
export function SelectField(props: FieldFrame & SelectProps) {
  const [frame, { value, onValueChange, options, placeholder, ...select }] = splitFrame(props)
  return (
    <Field {...frame}>
      <select
        id={frame.id}
        className="input"
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...fieldAria(frame)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  )
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value' | 'className'> & {
  value: string
  onValueChange: (value: string) => void
  'data-testid'?: string
}

/** A labelled textarea. */
export function TextAreaField(props: FieldFrame & TextAreaProps) {
  const [frame, { value, onValueChange, rows = 4, ...textarea }] = splitFrame(props)
  return (
    <Field {...frame}>
      <textarea
        id={frame.id}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...fieldAria(frame)}
        {...textarea}
      />
    </Field>
  )
}

/** The months of a card's expiry, `1`…`12`, shown `01`…`12`. */
export const expiryMonthOptions: readonly SelectOption[] = Array.from({ length: 12 }, (_, index) => {
  const value = String(index + 1)
  return { value, label: value.padStart(2, '0') }
})

/** This year and the next fifteen, for a card's expiry. */
export function expiryYearOptions(thisYear: number): SelectOption[] {
  return Array.from({ length: 16 }, (_, index) => {
    const value = String(thisYear + index)
    return { value, label: value }
  })
}

/** What to tell the agent about a failure: the server's message when it sent one, else the fallback. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback
}
