// Adding an entry: find the organization or contact by name (or make a new organization on the spot),
// then its status and values in a process. The API's answer decides: a 422 shows at its field (a record
// already in a list that allows no duplicates shows at the record).
import type { List } from '@rapport/client'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { fieldErrors, useApi } from '../api/client'
import { problemsByField } from '../api/field-errors'
import { useMembers } from '../api/queries'
import { Drawer, ErrorNote, Field } from '../components/ui'
import { toCents } from './entry-drawer'

interface Chosen {
  id: string
  name: string
}

export function AddEntryDrawer({ list, onClose }: { list: List; onClose: () => void }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const members = useMembers()
  const [search, setSearch] = useState('')
  const [record, setRecord] = useState<Chosen | null>(null)
  const [status, setStatus] = useState(list.statuses?.[0]?.name ?? '')
  const [assignee, setAssignee] = useState('')
  const [oneTime, setOneTime] = useState('0')
  const [recurring, setRecurring] = useState('0')
  const [period, setPeriod] = useState<'monthly' | 'annual' | 'one_time'>('annual')
  const isOrganization = list.entry_type === 'Organization'
  const found = useQuery({
    queryKey: [isOrganization ? 'organizations' : 'contacts', 'search', search],
    enabled: search.trim().length > 0 && record === null,
    queryFn: async () => {
      if (isOrganization) {
        const page = await api.organizations.list({ name: search.trim(), first: 8 }).page()
        return page.data.map((o) => ({ id: o.id, name: o.name }))
      }
      const page = await api.contacts.list({ name: search.trim(), first: 8 }).page()
      return page.data.map((c) => ({ id: c.id, name: c.name || c.emails[0] || c.id }))
    },
  })
  const createOrganization = useMutation({
    mutationFn: () => api.organizations.create({ name: search.trim() }),
    onSuccess: (org) => setRecord({ id: org.id, name: org.name }),
  })
  const add = useMutation({
    mutationFn: () =>
      api.entries.create(list.id, {
        entryable_type: list.entry_type,
        entryable_id: record?.id ?? '',
        ...(list.process
          ? {
              status,
              ...(assignee ? { assignee_email: assignee } : {}),
              one_time_value_cents: toCents(oneTime),
              recurring_value_cents: toCents(recurring),
              recurring_value_period: period,
            }
          : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['entries', list.id] })
      onClose()
    },
  })
  const problems = problemsByField(fieldErrors(add.error))
  const recordError =
    problems.entryable_id ?? (add.error && /already/.test(String(add.error)) ? 'is already in this list' : undefined)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    add.mutate()
  }
  return (
    <Drawer title={`Add to ${list.name}`} onClose={onClose}>
      <form className="form" onSubmit={submit} aria-label="New entry">
        <Field label={list.entry_type} error={recordError}>
          {(p) =>
            record ? (
              <div className="chosen">
                <output {...p}>{record.name}</output>
                <button type="button" className="link-button" onClick={() => setRecord(null)}>
                  Change
                </button>
              </div>
            ) : (
              <input
                {...p}
                type="search"
                placeholder="Find by name"
                autoComplete="off"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            )
          }
        </Field>
        {record === null && search.trim() ? (
          <ul className="picker-results" aria-label="Matches">
            {(found.data ?? []).map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => setRecord(r)}>
                  {r.name}
                </button>
              </li>
            ))}
            {isOrganization ? (
              <li>
                <button type="button" onClick={() => createOrganization.mutate()}>
                  Create organization “{search.trim()}”
                </button>
              </li>
            ) : null}
          </ul>
        ) : null}
        <ErrorNote error={createOrganization.error} />
        {list.process ? (
          <div className="form-grid">
            <Field label="Status" error={problems.status}>
              {(p) => (
                <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
                  {(list.statuses ?? []).map((s) => (
                    <option key={s.name}>{s.name}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Assignee" error={problems.assignee_email}>
              {(p) => (
                <select {...p} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
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
                <input {...p} type="number" step="0.01" value={oneTime} onChange={(e) => setOneTime(e.target.value)} />
              )}
            </Field>
            <Field label="Recurring value" error={problems.recurring_value_cents}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  step="0.01"
                  value={recurring}
                  onChange={(e) => setRecurring(e.target.value)}
                />
              )}
            </Field>
            <Field label="Recurring period" error={problems.recurring_value_period}>
              {(p) => (
                <select {...p} value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
                  <option value="monthly">Monthly</option>
                  <option value="annual">Annual</option>
                  <option value="one_time">One time</option>
                </select>
              )}
            </Field>
          </div>
        ) : null}
        {Object.keys(problems).length === 0 && !recordError ? <ErrorNote error={add.error} /> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={record === null || add.isPending}>
            Add entry
          </button>
        </div>
      </form>
    </Drawer>
  )
}
