import type { AccountNote } from '../api.js'
import { formatLocalDateTime, noteTypeLabels } from '../shared/format.js'

/** The account's notes, newest first. Notes are immutable (ACC-5), so there is nothing to edit here. */
export function NotesList({ notes, more }: { notes: AccountNote[]; more: boolean }) {
  if (notes.length === 0) {
    return <p className="empty">No notes on this account yet.</p>
  }
  return (
    <>
      <ol className="notes-list" aria-label="Account notes, newest first">
        {notes.map((note) => (
          <li key={note.id} className="note" data-testid="note-item">
            <div className="note-meta">
              <span className={`chip chip-note-${note.type}`}>{noteTypeLabels[note.type] ?? note.type}</span>
              <span className="note-author">{note.author.displayName}</span>
              <time className="muted" dateTime={note.createdAt}>
                {formatLocalDateTime(note.createdAt)}
              </time>
            </div>
            <p className="note-body">{note.body}</p>
          </li>
        ))}
      </ol>
      {more && <p className="muted notes-more">Older notes will be listed in the account timeline.</p>}
    </>
  )
}
