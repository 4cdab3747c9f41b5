// Small building blocks every page uses: a labelled field that shows its API error under it, buttons,
// an error banner, a drawer, a loading line.
import { type ReactNode, useEffect, useId, useRef } from 'react'
import { errorMessage } from '../api/client'

/** A label, a control and the error the API gave for it (422 `details`), tied by ids for screen readers. */
export function Field({
  label,
  error,
  children,
  hint,
}: {
  label: string
  error?: string | undefined
  hint?: string
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode
}) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(error ? { 'aria-describedby': errorId } : {}) })}
      {hint && !error ? <small className="hint">{hint}</small> : null}
      {error ? (
        <small className="field-error" id={errorId} role="alert">
          {label} {error}
        </small>
      ) : null}
    </div>
  )
}

/** A failed request, in a banner (for errors that belong to no field). */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <p className="error-note" role="alert">
      {errorMessage(error)}
    </p>
  )
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" aria-live="polite">
      Loading {what}…
    </p>
  )
}

/**
 * A panel over the right side of the page (the whole screen on a phone), labelled by its title. Escape
 * and the close button close it; focus moves into it when it opens and back when it closes.
 */
export function Drawer({ title, onClose, children }: { title: ReactNode; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null)
  const titleId = useId()
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    ref.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      before?.focus?.()
    }
  }, [onClose])
  return (
    <>
      <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />
      <aside className="drawer" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
        <header className="drawer-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        <div className="drawer-body">{children}</div>
      </aside>
    </>
  )
}

/** An avatar circle with a member's initials, named for screen readers. */
export function Avatar({ name, initials }: { name: string; initials: string }) {
  return (
    <span className="avatar" title={name} role="img" aria-label={name}>
      {initials}
    </span>
  )
}
