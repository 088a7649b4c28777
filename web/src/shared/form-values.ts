/**
 * A form's text values, kept by name in one state, and `bind`, which wires one of them to its field
 * (`TextField`, `TextAreaField`, `PoundsField`, `SelectField`): the control's id (unique to the form),
 * the value, the change, and the problem found for it. Every form used to repeat those four props
 * for each field, with a `useState` of its own.
 */
import { useId, useState } from 'react'
import type { Problems } from './mutation.js'

/** The names whose value is any text (a field can set them to whatever is typed). */
type TextNames<Values> = { [Name in keyof Values]: string extends Values[Name] ? Name : never }[keyof Values] & string

type Change<Values> = <Name extends keyof Values>(name: Name, value: Values[Name]) => void

/**
 * `bind` and `bindChoice` over values kept anywhere (a form's own state, or a parent's): `ids`
 * prefixes each control's id, and `change` sets one value.
 */
export function binder<Values extends Record<string, string>>(ids: string, values: Values, change: Change<Values>) {
  function props<Name extends keyof Values & string>(name: Name, problems: Problems | undefined) {
    return {
      id: `${ids}-${name}`,
      value: values[name],
      // Text for `bind`; for `bindChoice`, one of the options, which are the values the name may take.
      onValueChange: (value: string) => change(name, value as Values[Name]),
      ...(problems ? { error: problems[name] } : {}),
    }
  }
  return {
    /** The props that bind a field to the text `name`; with `problems`, the one found under that name. */
    bind: (name: TextNames<Values>, problems?: Problems) => props(name, problems),
    /** The same for a select whose options are exactly the values `name` may take (e.g. a case type). */
    bindChoice: (name: keyof Values & string, problems?: Problems) => props(name, problems),
  }
}

export function useFormValues<Values extends Record<string, string>>(initial: Values | (() => Values)) {
  const ids = useId()
  const [values, setValues] = useState<Values>(initial)

  /** Sets one value (a choice narrower than text, a value cleaned as it is typed). */
  const set: Change<Values> = (name, value) => setValues((current) => ({ ...current, [name]: value }))

  return { values, set, setValues, ids, ...binder(ids, values, set) }
}
