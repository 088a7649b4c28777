/**
 * What a write did, said once it is done: a success as a status, a failure as an alert. A screen
 * keeps the last one until the next write, or shows what its mutation says.
 */
export type NoticeMessage = { tone: 'success' | 'error'; text: string }

export function Notice({
  notice,
  testId,
  className,
}: {
  notice: NoticeMessage | null
  testId?: string
  /** Added to the callout (e.g. the portal's padding inside a card). */
  className?: string
}) {
  if (!notice) return null
  return (
    <p
      className={`callout callout-${notice.tone}${className ? ` ${className}` : ''}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {notice.text}
    </p>
  )
}
