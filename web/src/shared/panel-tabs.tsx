/**
 * Tabs over panels, as the account page (console) and the portal's account show their sections:
 * a `tablist` whose arrow keys (and Home, End) move to the next tab and focus it, each tab naming
 * the panel it controls, and the `tabpanel` named by the chosen tab. The page keeps which tab is
 * chosen (often in the address) and says what is in the panel.
 */
import { type KeyboardEvent, type ReactNode, useRef } from 'react'

export type Tab<Name extends string> = { name: Name; label: string }

/** The id of a tab's button, from the ids the page made with `useId()`. */
function tabId(ids: string, name: string): string {
  return `${ids}-tab-${name}`
}

export function TabList<Name extends string>({
  ids,
  tabs,
  selected,
  onSelect,
  panelId,
  testIdPrefix,
  label,
}: {
  ids: string
  tabs: readonly Tab<Name>[]
  selected: Name
  onSelect: (name: Name) => void
  /** The id of the panel a tab controls. */
  panelId: (name: Name) => string
  testIdPrefix: string
  label: string
}) {
  const refs = useRef<Partial<Record<Name, HTMLButtonElement | null>>>({})

  function handleKey(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((tab) => tab.name === selected)
    const target =
      event.key === 'ArrowRight'
        ? tabs[(at + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(at - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined
    if (!target) return
    event.preventDefault()
    onSelect(target.name)
    refs.current[target.name]?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={handleKey}>
      {tabs.map(({ name, label: tabLabel }) => (
        <button
          key={name}
          ref={(element) => {
            refs.current[name] = element
          }}
          type="button"
          role="tab"
          className="tab"
          id={tabId(ids, name)}
          aria-selected={selected === name}
          aria-controls={panelId(name)}
          tabIndex={selected === name ? 0 : -1}
          onClick={() => onSelect(name)}
          data-testid={`${testIdPrefix}${name}`}
        >
          {tabLabel}
        </button>
      ))}
    </div>
  )
}

/** The panel of the chosen tab, named by it. */
export function TabPanel({
  ids,
  tab,
  id,
  testId,
  children,
}: {
  ids: string
  tab: string
  id: string
  testId?: string
  children: ReactNode
}) {
  return (
    <div className="tab-panel" role="tabpanel" id={id} aria-labelledby={tabId(ids, tab)} data-testid={testId}>
      {children}
    </div>
  )
}
