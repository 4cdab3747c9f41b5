// The entry drawer, over the board or the table (`?entry=<id>`): every field of the entry, its status,
// assignee and values, its status history (from /status_changes), the notes of its organization (add,
// edit) and a link to its record. Saving sends only what changed; a 422 shows at the field it names.
import type { Entry, List, Note } from '@rapport/client'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { fieldErrors, useApi } from '../api/client'
import { problemsByField } from '../api/field-errors'
import { type BoardEntry, useMembers } from '../api/queries'
import { Drawer, ErrorNote, Field, Loading } from '../components/ui'
import { type FieldShape, ValueEditor } from '../components/value-editor'
import { formatDateTime } from '../format'
import { Link } from '../router'

export function EntryDrawer({ list, entryId, onClose }: { list: List; entryId: string; onClose: () => void }) {
  const api = useApi()
  const entry = useQuery({ queryKey: ['entry', entryId], queryFn: () => api.entries.get(list.id, entryId) })
  const record = useQuery({
    queryKey: ['record', entry.data?.entryable_type, entry.data?.entryable_id],
    enabled: Boolean(entry.data),
    queryFn: async () => {
      const e = entry.data!
      if (e.entryable_type === 'Organization') {
        const org = await api.organizations.get(e.entryable_id)
        return { name: org.name, href: `/organizations/${org.id}`, organizationId: org.id as string | null }
      }
      const contact = await api.contacts.get(e.entryable_id)
      return {
        name: contact.name || contact.emails[0] || contact.id,
        href: `/contacts/${contact.id}`,
        organizationId: contact.organization_id,
      }
    },
  })
  const title = entry.data ? `${entry.data.key ? `${entry.data.key} · ` : ''}${record.data?.name ?? ''}` : 'Entry'
  return (
    <Drawer title={title} onClose={onClose}>
      {entry.isPending ? <Loading what="the entry" /> : null}
      <ErrorNote error={entry.error} />
      {entry.data ? (
        <>
          {record.data ? (
            <p>
              <Link to={record.data.href}>Open {record.data.name}</Link>
            </p>
          ) : null}
          <EntryForm key={entry.data.updated_at} list={list} entry={entry.data} />
          {list.process ? <StatusHistory list={list} entryId={entry.data.id} /> : null}
          {record.data?.organizationId ? (
            <Notes organizationId={record.data.organizationId} dealId={list.process ? entry.data.id : null} />
          ) : null}
        </>
      ) : null}
    </Drawer>
  )
}

type Draft = {
  status?: string
  assignee_email?: string | null
  one_time_value_cents?: number
  recurring_value_cents?: number
  recurring_value_period?: 'monthly' | 'annual' | 'one_time'
  fields: Record<string, unknown>
}

function EntryForm({ list, entry }: { list: List; entry: Entry }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const members = useMembers()
  const [draft, setDraft] = useState<Draft>({ fields: {} })
  const [sentNames, setSentNames] = useState<string[]>([])
  const save = useMutation({
    mutationFn: () => {
      const names = Object.keys(draft.fields)
      setSentNames(names)
      const { fields, ...rest } = draft
      return api.entries.update(list.id, entry.id, {
        ...rest,
        ...(names.length > 0 ? { list_fields: names.map((name) => ({ name, value: fields[name] })) } : {}),
      })
    },
    onSuccess: (updated) => {
      setDraft({ fields: {} })
      queryClient.setQueryData(['entry', entry.id], updated)
      queryClient.setQueryData<BoardEntry[]>(['entries', list.id, 'all'], (old) =>
        old?.map((e) => (e.id === updated.id ? { ...e, ...updated } : e)),
      )
      void queryClient.invalidateQueries({ queryKey: ['entries', list.id, 'page'] })
      void queryClient.invalidateQueries({ queryKey: ['status_changes', entry.id] })
    },
  })
  const problems = problemsByField(fieldErrors(save.error), sentNames)
  const value = <K extends keyof Draft>(key: K, current: Draft[K]) => (key in draft ? draft[key] : current)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  const dirty = Object.keys(draft).length > 1 || Object.keys(draft.fields).length > 0
  return (
    <form className="form" onSubmit={submit} aria-label="Entry">
      {list.process ? (
        <div className="form-grid">
          <Field label="Status" error={problems.status}>
            {(p) => (
              <select
                {...p}
                value={value('status', entry.status) ?? ''}
                onChange={(e) => setDraft({ ...draft, status: e.target.value })}
              >
                {(list.statuses ?? []).map((s) => (
                  <option key={s.name}>{s.name}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Assignee" error={problems.assignee_email}>
            {(p) => (
              <select
                {...p}
                value={value('assignee_email', entry.assignee?.email ?? null) ?? ''}
                onChange={(e) => setDraft({ ...draft, assignee_email: e.target.value || null })}
              >
                <option value="">Unassigned</option>
                {(members.data ?? []).map((m) => (
                  <option key={m.id} value={m.email}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="One-time value" error={problems.one_time_value_cents}>
            {(p) => (
              <input
                {...p}
                type="number"
                step="0.01"
                value={centsInput(value('one_time_value_cents', entry.one_time_value_cents))}
                onChange={(e) => setDraft({ ...draft, one_time_value_cents: toCents(e.target.value) })}
              />
            )}
          </Field>
          <Field label="Recurring value" error={problems.recurring_value_cents}>
            {(p) => (
              <input
                {...p}
                type="number"
                step="0.01"
                value={centsInput(value('recurring_value_cents', entry.recurring_value_cents))}
                onChange={(e) => setDraft({ ...draft, recurring_value_cents: toCents(e.target.value) })}
              />
            )}
          </Field>
          <Field label="Recurring period" error={problems.recurring_value_period}>
            {(p) => (
              <select
                {...p}
                value={value('recurring_value_period', entry.recurring_value_period ?? 'annual') ?? 'annual'}
                onChange={(e) =>
                  setDraft({ ...draft, recurring_value_period: e.target.value as Draft['recurring_value_period'] })
                }
              >
                <option value="monthly">Monthly</option>
                <option value="annual">Annual</option>
                <option value="one_time">One time</option>
              </select>
            )}
          </Field>
          {entry.closed_at ? <p className="muted">Closed {formatDateTime(entry.closed_at)}</p> : null}
        </div>
      ) : null}
      {list.fields.length > 0 ? (
        <fieldset>
          <legend>Fields</legend>
          {list.fields.map((field) => (
            <Field key={field.id} label={field.name} error={problems[`field:${field.name}`]}>
              {(p) => (
                <ValueEditor
                  {...p}
                  field={field as FieldShape}
                  members={members.data ?? []}
                  value={field.name in draft.fields ? draft.fields[field.name] : entry.list_fields[field.id]?.value}
                  onChange={(v) => setDraft({ ...draft, fields: { ...draft.fields, [field.name]: v } })}
                />
              )}
            </Field>
          ))}
        </fieldset>
      ) : null}
      {Object.keys(problems).length === 0 ? <ErrorNote error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!dirty || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        {dirty ? (
          <button
            type="button"
            onClick={() => {
              setDraft({ fields: {} })
              save.reset()
            }}
          >
            Discard
          </button>
        ) : null}
      </div>
    </form>
  )
}

/** Cents as the number a person types (12.5 for 1250); an empty box for none. */
export const centsInput = (cents: number | undefined) => (cents === undefined ? '' : String(cents / 100))
/** What a person typed as cents; -1 stays negative so the API names the mistake. */
export const toCents = (text: string) => Math.round(Number(text || 0) * 100)

function StatusHistory({ list, entryId }: { list: List; entryId: string }) {
  const api = useApi()
  const changes = useQuery({
    queryKey: ['status_changes', entryId],
    queryFn: () => api.entries.statusChanges(list.id, entryId).toArray(200),
  })
  return (
    <section aria-labelledby="history-heading" className="history">
      <h3 id="history-heading">Status history</h3>
      {changes.isPending ? <Loading what="the history" /> : null}
      <ErrorNote error={changes.error} />
      <ol className="timeline">
        {[...(changes.data ?? [])].reverse().map((change) => (
          <li key={change.id}>
            <span className="timeline-what">
              {change.from_status === null
                ? `Created in ${change.to_status}`
                : `${change.from_status} → ${change.to_status}`}
            </span>
            <span className="muted">
              {formatDateTime(change.changed_at)}
              {change.user ? ` · ${change.user.name}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The notes of an organization, newest first, with a box to add one and a way to edit each. */
export function Notes({ organizationId, dealId }: { organizationId: string; dealId: string | null }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const notes = useQuery({
    queryKey: ['notes', organizationId],
    queryFn: () => api.notes.list({ organization_id: organizationId }).toArray(200),
  })
  const [body, setBody] = useState('')
  const add = useMutation({
    mutationFn: () =>
      api.notes.create({ organization_id: organizationId, body, ...(dealId ? { deal_id: dealId } : {}) }),
    onSuccess: () => {
      setBody('')
      void queryClient.invalidateQueries({ queryKey: ['notes', organizationId] })
    },
  })
  const problems = fieldErrors(add.error)
  return (
    <section aria-labelledby="notes-heading" className="notes">
      <h3 id="notes-heading">Notes</h3>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          add.mutate()
        }}
      >
        <Field label="New note" error={problems.body}>
          {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        {problems.body ? null : <ErrorNote error={add.error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={add.isPending || body.trim() === ''}>
            Add note
          </button>
        </div>
      </form>
      {notes.isPending ? <Loading what="notes" /> : null}
      <ul className="note-list">
        {(notes.data ?? []).map((note) => (
          <NoteItem key={note.id} note={note} organizationId={organizationId} />
        ))}
      </ul>
    </section>
  )
}

function NoteItem({ note, organizationId }: { note: Note; organizationId: string }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: string) => api.notes.update(note.id, { body }),
    onSuccess: () => {
      setEditing(null)
      void queryClient.invalidateQueries({ queryKey: ['notes', organizationId] })
    },
  })
  const problems = fieldErrors(save.error)
  if (editing !== null) {
    return (
      <li className="note">
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate(editing)
          }}
        >
          <Field label="Note" error={problems.body}>
            {(p) => <textarea {...p} rows={3} value={editing} onChange={(e) => setEditing(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>
              Save note
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    )
  }
  return (
    <li className="note">
      <p className="note-body">{note.body}</p>
      <p className="muted">
        {note.user ? `${note.user.name} · ` : ''}
        {formatDateTime(note.created_at)}{' '}
        <button type="button" className="link-button" onClick={() => setEditing(note.body)}>
          Edit<span className="visually-hidden"> note of {formatDateTime(note.created_at)}</span>
        </button>
      </p>
    </li>
  )
}
