/**
 * "Load more" for a list read a page at a time (the server's cursor): the button, disabled and
 * saying so while the next page loads, and the reason when it could not be loaded. The list around
 * it decides where it stands (a card footer, a row of buttons).
 */
export function LoadMore({
  onMore,
  loading,
  error = null,
  label = 'Load more',
  testId,
  size = 'small',
}: {
  onMore: () => void
  loading: boolean
  error?: string | null
  label?: string
  testId?: string
  size?: 'small' | 'normal'
}) {
  return (
    <>
      <button
        type="button"
        className={size === 'small' ? 'button button-small' : 'button'}
        onClick={onMore}
        disabled={loading}
        {...(testId ? { 'data-testid': testId } : {})}
      >
        {loading ? 'Loading…' : label}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}
