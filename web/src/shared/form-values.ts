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
 * `bind` over values kept anywhere (a form's own state, or a parent's): `ids` prefixes each control's
 * id, and `change` sets one value.
 */
export function binder<Values extends Record<string, string>>(ids: string, values: Values, change: Change<Values>) {
  /** The props that bind a field to the value `name`; with `problems`, the one found under that name. */
  return function bind(name: TextNames<Values>, problems?: Problems) {
    return {
      id: `${ids}-${name}`,
      value: values[name],
      onValueChange: (value: string) => change(name, value as Values[typeof name]),
      ...(problems ? { error: problems[name] } : {}),
    }
  }
}

export function useFormValues<Values extends Record<string, string>>(initial: Values | (() => Values)) {
  const ids = useId()
  const [values, setValues] = useState<Values>(initial)

  /** Sets one value (a choice narrower than text, a value cleaned as it is typed). */
  const set: Change<Values> = (name, value) => setValues((current) => ({ ...current, [name]: value }))

  return { values, set, setValues, bind: binder(ids, values, set), ids }
}
