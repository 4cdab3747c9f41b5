// The page of one contact or organization: its details, its custom fields (edited with the editor of
// their type), its entries in every list and process, and the notes of its organization.
import type { CustomField } from '@rapport/client'
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { fieldErrors, useApi } from '../api/client'
import { problemsByField } from '../api/field-errors'
import { useLists, useMembers } from '../api/queries'
import { ErrorNote, Field, Loading } from '../components/ui'
import { type FieldShape, ValueEditor } from '../components/value-editor'
import { formatCents } from '../format'
import { Link } from '../router'
import { Notes } from './entry-drawer'
import type { RecordKind } from './records'

interface RecordView {
  id: string
  name: string
  lines: Array<[string, string]>
  organizationId: string | null
  custom: Record<string, { value?: unknown }>
}

export function RecordPage({ kind, id }: { kind: RecordKind; id: string }) {
  const api = useApi()
  const record = useQuery({
    queryKey: ['record', kind, id],
    queryFn: async (): Promise<RecordView> => {
      if (kind === 'organizations') {
        const o = await api.organizations.get(id)
        return {
          id: o.id,
          name: o.name,
          lines: [
            ['Domains', o.domains.join(', ')],
            ['Description', o.description ?? ''],
          ],
          organizationId: o.id,
          custom: o.custom_fields,
        }
      }
      const c = await api.contacts.get(id)
      return {
        id: c.id,
        name: c.name || [c.first_name, c.last_name].filter(Boolean).join(' ') || c.emails[0] || c.id,
        lines: [
          ['Emails', c.emails.join(', ')],
          ['Phone numbers', c.phone_numbers.join(', ')],
          ['Title', c.title ?? ''],
        ],
        organizationId: c.organization_id,
        custom: c.custom_fields,
      }
    },
  })
  if (record.isPending) return <Loading what="the record" />
  if (record.error) return <ErrorNote error={record.error} />
  const r = record.data
  return (
    <article className="page record" aria-labelledby="record-heading">
      <header className="page-header">
        <p className="muted">
          <Link to={`/${kind}`}>{kind === 'contacts' ? 'Contacts' : 'Organizations'}</Link>
        </p>
        <h1 id="record-heading">{r.name}</h1>
      </header>
      <dl className="details">
        {r.lines
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {kind === 'contacts' && r.organizationId ? (
          <div>
            <dt>Organization</dt>
            <dd>
              <Link to={`/organizations/${r.organizationId}`}>Open organization</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <CustomFields kind={kind} record={r} />
      <RecordEntries kind={kind} id={r.id} />
      {kind === 'organizations' ? <OrganizationContacts id={r.id} /> : null}
      {r.organizationId ? <Notes organizationId={r.organizationId} dealId={null} /> : null}
    </article>
  )
}

function CustomFields({ kind, record }: { kind: RecordKind; record: RecordView }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const members = useMembers()
  const model = kind === 'contacts' ? 'contact' : 'organization'
  const fields = useQuery({
    queryKey: ['custom_fields', model],
    queryFn: () => api.customFields.list({ model }).toArray(500),
  })
  const [draft, setDraft] = useState<Record<string, unknown>>({})
  const [sent, setSent] = useState<string[]>([])
  const save = useMutation({
    mutationFn: (): Promise<unknown> => {
      const names = Object.keys(draft)
      setSent(names)
      const custom_fields = names.map((name) => ({ name, value: draft[name] }))
      return kind === 'contacts'
        ? api.contacts.update(record.id, { custom_fields })
        : api.organizations.update(record.id, { custom_fields })
    },
    onSuccess: () => {
      setDraft({})
      void queryClient.invalidateQueries({ queryKey: ['record', kind, record.id] })
    },
  })
  const problems = problemsByField(fieldErrors(save.error), sent)
  if (!fields.data || fields.data.length === 0) return null
  const currentValue = (f: CustomField) => (f.name in draft ? draft[f.name] : record.custom[f.id]?.value)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <section aria-labelledby="custom-heading">
      <h2 id="custom-heading">Fields</h2>
      <form className="form form-grid" onSubmit={submit}>
        {fields.data.map((f) => (
          <Field key={f.id} label={f.name} error={problems[`field:${f.name}`]}>
            {(p) => (
              <ValueEditor
                {...p}
                field={f as FieldShape}
                members={members.data ?? []}
                value={currentValue(f)}
                onChange={(v) => setDraft({ ...draft, [f.name]: v })}
              />
            )}
          </Field>
        ))}
        {Object.keys(problems).length === 0 ? <ErrorNote error={save.error} /> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={Object.keys(draft).length === 0 || save.isPending}>
            Save fields
          </button>
        </div>
      </form>
    </section>
  )
}

/** The record's entries in every list of its type: one filtered request per list. */
function RecordEntries({ kind, id }: { kind: RecordKind; id: string }) {
  const api = useApi()
  const lists = useLists()
  const type = kind === 'contacts' ? 'Contact' : 'Organization'
  const mine = (lists.data ?? []).filter((l) => l.entry_type === type && !l.archived_at)
  const results = useQueries({
    queries: mine.map((list) => ({
      queryKey: ['entries', list.id, 'of', id],
      queryFn: () => api.entries.list(list.id, { entryable_id: id, first: 100 }).page(),
    })),
  })
  const rows = mine.flatMap((list, i) => (results[i]?.data?.data ?? []).map((entry) => ({ list, entry })))
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">In lists and processes</h2>
      {rows.length === 0 ? <p className="muted">In no list yet.</p> : null}
      <ul className="entry-links">
        {rows.map(({ list, entry }) => (
          <li key={entry.id}>
            <Link to={`/lists/${list.id}?entry=${entry.id}`}>
              {list.name}
              {entry.key ? ` · ${entry.key}` : ''}
            </Link>
            {entry.status ? <span className="badge">{entry.status}</span> : null}
            {list.process ? <span className="muted"> {formatCents(entry.one_time_value_cents)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function OrganizationContacts({ id }: { id: string }) {
  const api = useApi()
  const contacts = useQuery({
    queryKey: ['organization-contacts', id],
    queryFn: () => api.organizations.contacts(id).toArray(100),
  })
  if (!contacts.data || contacts.data.length === 0) return null
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul className="entry-links">
        {contacts.data.map((c) => (
          <li key={c.id}>
            <Link to={`/contacts/${c.id}`}>{c.name || c.emails[0] || c.id}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
