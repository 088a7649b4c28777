/**
 * The account search box: submitting goes to the search page for the text, which does the search.
 * Shown in the top bar on every page and larger on the dashboard. Those who may not search accounts
 * (field technicians) open one by its number, from their job: the box takes them straight to it.
 */
import { type FormEvent, useEffect, useState } from 'react'
import { useSession } from '../console-context.js'
import { navigate, paths } from '../router.js'

/** The permission account search needs; without it, accounts are opened by number. */
export const searchPermission = 'accounts.account.search'

/** An account number as typed (`a-1f2e3d4c`, `A1F2E3D4C`) in its written form (`A-1F2E3D4C`), or null. */
export function accountNumberIn(text: string): string | null {
  const match = /^A-?([0-9A-F]{8})$/i.exec(text.trim())
  return match?.[1] ? `A-${match[1].toUpperCase()}` : null
}

type SearchBoxProps = {
  /** The text to show, from the current search page's URL. */
  initialQuery?: string
  size?: 'compact' | 'large'
  testId?: string
}

export function SearchBox({ initialQuery = '', size = 'compact', testId = 'search-input' }: SearchBoxProps) {
  const [query, setQuery] = useState(initialQuery)
  const maySearch = useSession().user.permissions.includes(searchPermission)

  // Follow the URL (back/forward between searches) without fighting the user's typing.
  useEffect(() => setQuery(initialQuery), [initialQuery])

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const q = query.trim()
    const accountNumber = maySearch ? null : accountNumberIn(q)
    if (accountNumber) navigate(paths.account(accountNumber))
    else if (q) navigate(paths.search(q))
  }

  return (
    <search>
      <form className={`search-box search-box-${size}`} onSubmit={handleSubmit}>
        <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path
            d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64a.75.75 0 1 1-1.06 1.06l-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
            fill="currentColor"
          />
        </svg>
        <input
          className="search-input"
          type="search"
          name="q"
          aria-label={maySearch ? 'Search accounts' : 'Open an account by its number'}
          placeholder={maySearch ? 'Name, account number, postcode, email or phone' : 'Account number (A-1F2E3D4C)'}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid={testId}
        />
        <button type="submit" className="button button-primary search-submit">
          {maySearch ? 'Search' : 'Open'}
        </button>
      </form>
    </search>
  )
}
