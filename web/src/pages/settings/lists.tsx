// Lists and processes in settings: make one (blank or from a template), and for each its name, statuses
// and fields (sent with the API's merge-by-name PATCH: renames as `new_name`, removals as `remove`, and
// every status in order so the order is what the page shows), archive, connected lists, delete.
import type { CreateListBody, List, UpdateListBody } from '@rapport/client'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { fieldErrors, useApi } from '../../api/client'
import { useList, useListCache, useLists } from '../../api/queries'
import { ErrorNote, Field, Loading } from '../../components/ui'
import { Link, navigate } from '../../router'
import { splitOptions } from './custom-fields'

export const DATA_TYPES = [
  'text',
  'textarea',
  'url',
  'number',
  'date',
  'datetime',
  'select',
  'user',
  'contact',
] as const
export const MULTI_TYPES: readonly string[] = ['select', 'user', 'contact']
const TEMPLATES: Array<[NonNullable<CreateListBody['template']> | 'list' | 'process', string]> = [
  ['pipeline', 'Sales pipeline'],
  ['simple_sales', 'Simple sales'],
  ['prospects', 'Prospects'],
  ['fundraising', 'Fundraising'],
  ['recruiting', 'Recruiting'],
  ['process', 'Blank process'],
  ['list', 'Blank list'],
]

export function ListsSettings() {
  const api = useApi()
  const queryClient = useQueryClient()
  const lists = useLists()
  const [template, setTemplate] = useState<(typeof TEMPLATES)[number][0]>('pipeline')
  const [name, setName] = useState('')
  const [identifier, setIdentifier] = useState('')
  const [entryType, setEntryType] = useState<'Organization' | 'Contact'>('Organization')
  const create = useMutation({
    mutationFn: () => {
      const base: CreateListBody =
        template === 'list'
          ? { process: false, entry_type: entryType }
          : template === 'process'
            ? { process: true, entry_type: entryType, duplicates_allowed: false }
            : { template }
      return api.lists.create({
        ...base,
        ...(name ? { name } : {}),
        ...(identifier && template !== 'list' ? { identifier } : {}),
      })
    },
    onSuccess: (list) => {
      void queryClient.invalidateQueries({ queryKey: ['lists'] })
      navigate(`/lists/${list.id}`)
    },
  })
  const problems = fieldErrors(create.error)
  const blank = template === 'list' || template === 'process'
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate()
  }
  return (
    <section aria-labelledby="lists-heading">
      <h2 id="lists-heading">New list or process</h2>
      <form className="form inline-form" onSubmit={submit} aria-label="New list or process">
        <Field label="Start from" error={problems.template}>
          {(p) => (
            <select {...p} value={template} onChange={(e) => setTemplate(e.target.value as typeof template)}>
              {TEMPLATES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={problems.name} hint={blank ? undefined : 'Default: the template’s'}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {template !== 'list' ? (
          <Field label="Key prefix" error={problems.identifier} hint={blank ? 'e.g. DEAL for DEAL-1' : undefined}>
            {(p) => <input {...p} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />}
          </Field>
        ) : null}
        {blank ? (
          <Field label="Holds" error={problems.entry_type}>
            {(p) => (
              <select {...p} value={entryType} onChange={(e) => setEntryType(e.target.value as typeof entryType)}>
                <option value="Organization">Organizations</option>
                <option value="Contact">Contacts</option>
              </select>
            )}
          </Field>
        ) : null}
        <button type="submit" className="primary" disabled={create.isPending}>
          Create
        </button>
      </form>
      {Object.keys(problems).length === 0 ? <ErrorNote error={create.error} /> : null}
      <h2>All lists and processes</h2>
      {lists.isPending ? <Loading what="lists" /> : null}
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Holds</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {(lists.data ?? []).map((l) => (
            <tr key={l.id}>
              <td>
                <Link to={`/settings/lists/${l.id}`}>{l.name}</Link>
              </td>
              <td>{l.process ? `Process (${l.identifier})` : 'List'}</td>
              <td>{l.entry_type}</td>
              <td>{l.archived_at ? 'Archived' : 'Active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function ListSettings({ id }: { id: string }) {
  const list = useList(id)
  if (list.isPending) return <Loading what="the list" />
  if (list.error) return <ErrorNote error={list.error} />
  return (
    <div className="list-settings">
      <p>
        <Link to={`/lists/${id}`}>Open {list.data.name}</Link>
      </p>
      <GeneralForm key={`g${list.data.updated_at}`} list={list.data} />
      {list.data.process ? <StatusesForm key={`s${list.data.updated_at}`} list={list.data} /> : null}
      <FieldsForm key={`f${list.data.updated_at}`} list={list.data} />
      {list.data.process ? <Connections list={list.data} /> : null}
      <DangerZone list={list.data} />
    </div>
  )
}

function usePatch(list: List) {
  const api = useApi()
  const cache = useListCache()
  return useMutation({ mutationFn: (body: UpdateListBody) => api.lists.update(list.id, body), onSuccess: cache })
}

function GeneralForm({ list }: { list: List }) {
  const patch = usePatch(list)
  const [name, setName] = useState(list.name)
  const [identifier, setIdentifier] = useState(list.identifier ?? '')
  const problems = fieldErrors(patch.error)
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">{list.process ? 'Process' : 'List'}</h2>
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          patch.mutate({ name, ...(list.process ? { identifier } : {}) })
        }}
      >
        <Field label="Name" error={problems.name}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {list.process ? (
          <Field label="Key prefix" error={problems.identifier}>
            {(p) => <input {...p} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />}
          </Field>
        ) : null}
        <button type="submit" className="primary" disabled={patch.isPending}>
          Save
        </button>
      </form>
      {Object.keys(problems).length === 0 ? <ErrorNote error={patch.error} /> : null}
    </section>
  )
}

/** A row's key that survives reordering and renaming. */
let nextRowKey = 0
const rowKey = () => ++nextRowKey

interface StatusRow {
  key: number
  name: string
  newName: string
  type: 'active' | 'won' | 'lost'
  remove: boolean
  isNew: boolean
}

function StatusesForm({ list }: { list: List }) {
  const patch = usePatch(list)
  const [rows, setRows] = useState<StatusRow[]>(
    (list.statuses ?? []).map((s) => ({
      key: rowKey(),
      name: s.name,
      newName: s.name,
      type: s.type,
      remove: false,
      isNew: false,
    })),
  )
  const problems = fieldErrors(patch.error)
  const update = (i: number, change: Partial<StatusRow>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...change } : r)))
  const moveRow = (i: number, by: number) => {
    const next = [...rows]
    const [row] = next.splice(i, 1)
    next.splice(Math.max(0, Math.min(next.length, i + by)), 0, row!)
    setRows(next)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    patch.mutate({
      statuses: rows.map((r) =>
        r.isNew
          ? { name: r.newName, type: r.type }
          : r.remove
            ? { name: r.name, remove: true }
            : { name: r.name, type: r.type, ...(r.newName !== r.name ? { new_name: r.newName } : {}) },
      ),
    })
  }
  const problemAt = (i: number) =>
    Object.entries(problems).find(([path]) => path.startsWith(`statuses[${i}]`))?.[1] ?? undefined
  return (
    <section aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">Statuses</h2>
      <form className="form" onSubmit={submit}>
        <ol className="rows">
          {rows.map((r, i) => (
            <li key={r.key} className={r.remove ? 'row removed' : 'row'}>
              <Field label={`Status ${i + 1}`} error={problemAt(i)}>
                {(p) => <input {...p} value={r.newName} onChange={(e) => update(i, { newName: e.target.value })} />}
              </Field>
              <select
                aria-label={`Type of ${r.newName || `status ${i + 1}`}`}
                value={r.type}
                onChange={(e) => update(i, { type: e.target.value as StatusRow['type'] })}
              >
                <option value="active">Active</option>
                <option value="won">Won</option>
                <option value="lost">Lost</option>
              </select>
              <button type="button" aria-label={`Move ${r.newName} up`} onClick={() => moveRow(i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${r.newName} down`} onClick={() => moveRow(i, 1)}>
                ↓
              </button>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={r.remove}
                  onChange={(e) =>
                    r.isNew ? setRows(rows.filter((_, k) => k !== i)) : update(i, { remove: e.target.checked })
                  }
                />
                Remove<span className="visually-hidden"> {r.newName}</span>
              </label>
            </li>
          ))}
        </ol>
        {problems.statuses ? <p className="field-error">{problems.statuses}</p> : null}
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              setRows([...rows, { key: rowKey(), name: '', newName: '', type: 'active', remove: false, isNew: true }])
            }
          >
            Add status
          </button>
          <button type="submit" className="primary" disabled={patch.isPending}>
            Save statuses
          </button>
        </div>
        {Object.keys(problems).length === 0 ? <ErrorNote error={patch.error} /> : null}
      </form>
    </section>
  )
}

interface FieldRow {
  key: number
  name: string
  newName: string
  data_type: string
  options: string
  multiple: boolean
  remove: boolean
  isNew: boolean
}

function FieldsForm({ list }: { list: List }) {
  const patch = usePatch(list)
  const [rows, setRows] = useState<FieldRow[]>(
    list.fields.map((f) => ({
      key: rowKey(),
      name: f.name,
      newName: f.name,
      data_type: f.data_type,
      options: (f.options ?? []).join(', '),
      multiple: f.accepts_multiple_values,
      remove: false,
      isNew: false,
    })),
  )
  const problems = fieldErrors(patch.error)
  const update = (i: number, change: Partial<FieldRow>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...change } : r)))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    patch.mutate({
      fields: rows.map((r) => {
        if (r.remove) return { name: r.name, remove: true }
        const type = r.data_type as (typeof DATA_TYPES)[number]
        return {
          name: r.isNew ? r.newName : r.name,
          data_type: type,
          ...(!r.isNew && r.newName !== r.name ? { new_name: r.newName } : {}),
          ...(type === 'select' ? { options: splitOptions(r.options) } : {}),
          ...(MULTI_TYPES.includes(type) ? { accepts_multiple_values: r.multiple } : {}),
        }
      }),
    })
  }
  const problemAt = (i: number) =>
    Object.entries(problems).find(([path]) => path.startsWith(`fields[${i}]`))?.[1] ?? undefined
  return (
    <section aria-labelledby="fields-heading">
      <h2 id="fields-heading">Fields</h2>
      <form className="form" onSubmit={submit}>
        <ol className="rows">
          {rows.map((r, i) => (
            <li key={r.key} className={r.remove ? 'row removed' : 'row'}>
              <Field label={`Field ${i + 1}`} error={problemAt(i)}>
                {(p) => <input {...p} value={r.newName} onChange={(e) => update(i, { newName: e.target.value })} />}
              </Field>
              <select
                aria-label={`Type of ${r.newName || `field ${i + 1}`}`}
                value={r.data_type}
                onChange={(e) => update(i, { data_type: e.target.value })}
              >
                {DATA_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
              {r.data_type === 'select' ? (
                <input
                  aria-label={`Options of ${r.newName || `field ${i + 1}`}, comma-separated`}
                  placeholder="Options, comma-separated"
                  value={r.options}
                  onChange={(e) => update(i, { options: e.target.value })}
                />
              ) : null}
              {MULTI_TYPES.includes(r.data_type) ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={r.multiple}
                    onChange={(e) => update(i, { multiple: e.target.checked })}
                  />
                  Several<span className="visually-hidden"> values in {r.newName}</span>
                </label>
              ) : null}
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={r.remove}
                  onChange={(e) =>
                    r.isNew ? setRows(rows.filter((_, k) => k !== i)) : update(i, { remove: e.target.checked })
                  }
                />
                Remove<span className="visually-hidden"> {r.newName}</span>
              </label>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              setRows([
                ...rows,
                {
                  key: rowKey(),
                  name: '',
                  newName: '',
                  data_type: 'text',
                  options: '',
                  multiple: false,
                  remove: false,
                  isNew: true,
                },
              ])
            }
          >
            Add field
          </button>
          <button type="submit" className="primary" disabled={patch.isPending}>
            Save fields
          </button>
        </div>
        {Object.keys(problems).some((p) => p.startsWith('fields[')) ? null : <ErrorNote error={patch.error} />}
      </form>
    </section>
  )
}

function Connections({ list }: { list: List }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const lists = useLists()
  const connections = useQuery({
    queryKey: ['connections', list.id],
    queryFn: () => api.lists.connections.list(list.id).toArray(100),
  })
  const others = (lists.data ?? []).filter((l) => l.process && l.id !== list.id)
  const [from, setFrom] = useState(list.statuses?.[0]?.name ?? '')
  const [to, setTo] = useState('')
  const [toStatus, setToStatus] = useState('')
  const target = others.find((l) => l.id === to)
  const create = useMutation({
    mutationFn: () => api.lists.connections.create(list.id, { from_status: from, to_list_id: to, to_status: toStatus }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['connections', list.id] }),
  })
  const remove = useMutation({
    mutationFn: (id: string) => api.lists.connections.delete(list.id, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['connections', list.id] }),
  })
  const problems = fieldErrors(create.error)
  const nameOf = (id: string) => (lists.data ?? []).find((l) => l.id === id)?.name ?? id
  return (
    <section aria-labelledby="connections-heading">
      <h2 id="connections-heading">Connected processes</h2>
      <p className="muted">An entry reaching a status here is put into another process.</p>
      <ul className="entry-links">
        {(connections.data ?? []).map((c) => (
          <li key={c.id}>
            {c.from_status} → {nameOf(c.to_list_id)} · {c.to_status}{' '}
            <button type="button" className="link-button" onClick={() => remove.mutate(c.id)}>
              Remove<span className="visually-hidden"> connection from {c.from_status}</span>
            </button>
          </li>
        ))}
      </ul>
      {others.length === 0 ? (
        <p className="muted">Make another process to connect this one to.</p>
      ) : (
        <form
          className="form inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            create.mutate()
          }}
        >
          <Field label="When an entry reaches" error={problems.from_status}>
            {(p) => (
              <select {...p} value={from} onChange={(e) => setFrom(e.target.value)}>
                {(list.statuses ?? []).map((s) => (
                  <option key={s.name}>{s.name}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Put it into" error={problems.to_list_id}>
            {(p) => (
              <select
                {...p}
                value={to}
                onChange={(e) => {
                  setTo(e.target.value)
                  setToStatus(others.find((l) => l.id === e.target.value)?.statuses?.[0]?.name ?? '')
                }}
              >
                <option value="">Choose a process</option>
                {others.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="At status" error={problems.to_status}>
            {(p) => (
              <select {...p} value={toStatus} onChange={(e) => setToStatus(e.target.value)}>
                {(target?.statuses ?? []).map((s) => (
                  <option key={s.name}>{s.name}</option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="primary" disabled={!to || create.isPending}>
            Connect
          </button>
        </form>
      )}
      {Object.keys(problems).length === 0 ? <ErrorNote error={create.error ?? remove.error} /> : null}
    </section>
  )
}

function DangerZone({ list }: { list: List }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const patch = usePatch(list)
  const remove = useMutation({
    mutationFn: () => api.lists.delete(list.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['lists'] })
      navigate('/settings')
    },
  })
  return (
    <section aria-labelledby="danger-heading">
      <h2 id="danger-heading">Archive or delete</h2>
      <div className="actions">
        <button type="button" onClick={() => patch.mutate({ archived: !list.archived_at })} disabled={patch.isPending}>
          {list.archived_at ? 'Unarchive' : 'Archive'}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(`Delete ${list.name} and all its entries?`)) remove.mutate()
          }}
        >
          Delete {list.process ? 'process' : 'list'}
        </button>
      </div>
      <ErrorNote error={remove.error} />
    </section>
  )
}
