// The table of a list or process: a typed column per list field, sorted and filtered by the API's own
// parameters (sort, status, assignee_email, field[<name>]), rows virtualized and fetched a page of 100
// at a time as they scroll into view, so 100,000 entries scroll without freezing. Any cell with a
// value the API can change is edited in place with the editor of its type; a refusal shows in the cell.
import type { List, QueryOf, User } from '@rapport/client'
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, type ReactNode, useCallback, useMemo, useRef, useState } from 'react'
import { errorMessage, fieldErrors, useApi } from '../api/client'
import { problemsByField } from '../api/field-errors'
import { type BoardEntry, ENTRY_INCLUDES, PAGE_SIZE, useMembers } from '../api/queries'
import { ErrorNote } from '../components/ui'
import { type FieldShape, ValueEditor } from '../components/value-editor'
import { formatCents, formatDate, formatValue } from '../format'
import { navigate, withParam } from '../router'
import { AddEntryDrawer } from './add-entry'

type EntriesQuery = QueryOf<'listEntries'>
type SortName = Exclude<NonNullable<EntriesQuery['sort']>, `-${string}`>

const ROW_HEIGHT = 40

interface Column {
  id: string
  label: string
  sort?: SortName
  width: number
  read: (entry: BoardEntry) => ReactNode
  /** How the cell is edited, when it can be. */
  edit?: { field: FieldShape; value: (entry: BoardEntry) => unknown; body: (value: unknown) => object }
}

function columnsOf(list: List, members: User[]): Column[] {
  const columns: Column[] = []
  if (list.process) columns.push({ id: 'key', label: 'Key', sort: 'key', width: 110, read: (e) => e.key })
  columns.push({ id: 'name', label: list.entry_type, width: 220, read: (e) => e.entryable_name })
  if (list.process) {
    const statusField: FieldShape = {
      name: list.status_label ?? 'Status',
      data_type: 'select',
      options: (list.statuses ?? []).map((s) => s.name),
      accepts_multiple_values: false,
    }
    columns.push(
      {
        id: 'status',
        label: list.status_label ?? 'Status',
        width: 150,
        read: (e) => e.status,
        edit: { field: statusField, value: (e) => e.status, body: (v) => ({ status: v }) },
      },
      {
        id: 'assignee',
        label: 'Assignee',
        width: 150,
        read: (e) => e.assignee?.name,
        edit: {
          field: { name: 'Assignee', data_type: 'user', options: null, accepts_multiple_values: false },
          value: (e) => e.assignee?.email ?? null,
          body: (v) => ({ assignee_email: v ?? null }),
        },
      },
      {
        id: 'one_time_value_cents',
        label: 'One-time value',
        sort: 'one_time_value_cents',
        width: 140,
        read: (e) => formatCents(e.one_time_value_cents),
        edit: {
          field: { name: 'One-time value', data_type: 'number', options: null, accepts_multiple_values: false },
          value: (e) => (e.one_time_value_cents ?? 0) / 100,
          body: (v) => ({ one_time_value_cents: Math.round(Number(v ?? 0) * 100) }),
        },
      },
    )
  }
  for (const field of list.fields) {
    columns.push({
      id: `field:${field.name}`,
      label: field.name,
      width: field.data_type === 'textarea' ? 240 : 160,
      read: (e) => {
        const value = e.list_fields[field.id]?.value
        if (field.data_type === 'user') {
          const emails = Array.isArray(value) ? value : value ? [value] : []
          return emails.map((email) => members.find((m) => m.email === email)?.name ?? String(email)).join(', ')
        }
        return formatValue(value)
      },
      edit: {
        field: field as FieldShape,
        value: (e) => e.list_fields[field.id]?.value ?? null,
        body: (v) => ({ list_fields: [{ name: field.name, value: v }] }),
      },
    })
  }
  columns.push({
    id: 'created_at',
    label: 'Created',
    sort: 'created_at',
    width: 120,
    read: (e) => formatDate(e.created_at),
  })
  if (list.process)
    columns.push({
      id: 'closed_at',
      label: 'Closed',
      sort: 'closed_at',
      width: 120,
      read: (e) => formatDate(e.closed_at),
    })
  columns.push({
    id: 'updated_at',
    label: 'Updated',
    sort: 'updated_at',
    width: 120,
    read: (e) => formatDate(e.updated_at),
  })
  return columns
}

export function TablePage({ list }: { list: List }) {
  const api = useApi()
  const members = useMembers()
  const [sort, setSort] = useState<EntriesQuery['sort']>(list.process ? 'key' : 'created_at')
  const [status, setStatus] = useState('')
  const [assignee, setAssignee] = useState('')
  const [filterField, setFilterField] = useState('')
  const [filterValue, setFilterValue] = useState('')
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<{ entryId: string; columnId: string } | null>(null)
  const onEdit = useCallback(
    (entryId: string | null, columnId?: string) =>
      setEditing(entryId === null || columnId === undefined ? null : { entryId, columnId }),
    [],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const columns = useMemo(() => columnsOf(list, members.data ?? []), [list, members.data])

  const query = useMemo(() => {
    const q: Record<string, unknown> = { sort, include: ENTRY_INCLUDES, first: PAGE_SIZE }
    if (status) q.status = [status]
    if (assignee) q.assignee_email = assignee
    if (filterField && filterValue) q[`field[${filterField}]`] = filterValue
    return q as EntriesQuery
  }, [sort, status, assignee, filterField, filterValue])

  const fetchPage = (index: number) => ({
    queryKey: ['entries', list.id, 'page', query, index],
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      const { data, error } = await api.api.GET('/v1/lists/{list_id}/entries', {
        params: { path: { list_id: list.id }, query: { ...query, after: index * PAGE_SIZE } },
        signal,
      })
      if (!data) throw error
      return data
    },
    staleTime: 30_000,
  })
  const firstPage = useQuery(fetchPage(0))
  const total = firstPage.data?.pagination.total_count ?? 0
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtual.getVirtualItems()
  const wanted = useMemo(() => {
    if (items.length === 0) return []
    const from = Math.floor(items[0]!.index / PAGE_SIZE)
    const to = Math.floor(items[items.length - 1]!.index / PAGE_SIZE)
    return Array.from({ length: to - from + 1 }, (_, i) => from + i)
  }, [items])
  const pages = useQueries({ queries: wanted.map((index) => fetchPage(index)) })
  const rowAt = (i: number): BoardEntry | undefined => {
    const page = pages[wanted.indexOf(Math.floor(i / PAGE_SIZE))]?.data
    return page?.data[i % PAGE_SIZE]
  }
  const width = columns.reduce((sum, c) => sum + c.width, 0)
  const toggleSort = (name: SortName) => setSort(sort === name ? (`-${name}` as EntriesQuery['sort']) : name)
  const error = firstPage.error ?? pages.find((p) => p.error)?.error

  return (
    <section className="table-page" aria-label={`${list.name} table`}>
      <div className="toolbar">
        {list.process ? (
          <>
            <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">Every status</option>
              {(list.statuses ?? []).map((s) => (
                <option key={s.name}>{s.name}</option>
              ))}
            </select>
            <select aria-label="Filter by assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Everyone</option>
              {(members.data ?? []).map((m) => (
                <option key={m.id} value={m.email}>
                  {m.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {list.fields.length > 0 ? (
          <>
            <select aria-label="Filter on field" value={filterField} onChange={(e) => setFilterField(e.target.value)}>
              <option value="">Any field</option>
              {list.fields.map((f) => (
                <option key={f.id}>{f.name}</option>
              ))}
            </select>
            <input
              type="search"
              aria-label="Field value"
              placeholder="equals…"
              disabled={!filterField}
              value={filterValue}
              onChange={(e) => setFilterValue(e.target.value)}
            />
          </>
        ) : null}
        <span className="muted" aria-live="polite">
          {firstPage.isPending ? 'Loading…' : `${total.toLocaleString()} entries`}
        </span>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add entry
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <div className="table-scroll" ref={scrollRef} tabIndex={-1}>
        <table className="grid" style={{ width }} aria-rowcount={total + 1}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.id}
                  style={{ width: c.width }}
                  scope="col"
                  aria-sort={
                    c.sort && sort === c.sort ? 'ascending' : c.sort && sort === `-${c.sort}` ? 'descending' : undefined
                  }
                >
                  {c.sort ? (
                    <button type="button" className="sort-button" onClick={() => toggleSort(c.sort!)}>
                      {c.label}
                      <span aria-hidden="true">{sort === c.sort ? ' ▲' : sort === `-${c.sort}` ? ' ▼' : ''}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length > 0 ? <tr className="spacer" style={{ height: items[0]!.start }} /> : null}
            {items.map((item) => (
              <Row
                key={item.index}
                index={item.index}
                entry={rowAt(item.index)}
                list={list}
                columns={columns}
                members={members.data ?? NO_MEMBERS}
                editing={editing && editing.entryId === rowAt(item.index)?.id ? editing.columnId : null}
                onEdit={onEdit}
              />
            ))}
            {items.length > 0 ? (
              <tr className="spacer" style={{ height: virtual.getTotalSize() - items[items.length - 1]!.end }} />
            ) : null}
          </tbody>
        </table>
        {total === 0 && !firstPage.isPending ? <p className="empty">No entries.</p> : null}
      </div>
      {adding ? <AddEntryDrawer list={list} onClose={() => setAdding(false)} /> : null}
    </section>
  )
}

const NO_MEMBERS: User[] = []

/**
 * One row. Memoized: while the table scrolls it re-renders on every frame, and a row already in view keeps
 * the same entry object (from the page cache), so only the rows coming into view are rendered.
 */
const Row = memo(function Row({
  index,
  entry,
  list,
  columns,
  members,
  editing,
  onEdit,
}: {
  index: number
  entry: BoardEntry | undefined
  list: List
  columns: Column[]
  members: User[]
  /** The column of this row being edited, if any. */
  editing: string | null
  onEdit: (entryId: string | null, columnId?: string) => void
}) {
  return (
    <tr style={{ height: ROW_HEIGHT }} aria-rowindex={index + 2}>
      {entry ? (
        columns.map((c) =>
          c.id === editing ? (
            <CellEditor key={c.id} list={list} column={c} entry={entry} members={members} onDone={() => onEdit(null)} />
          ) : (
            <CellView key={c.id} column={c} entry={entry} onEdit={onEdit} />
          ),
        )
      ) : (
        <td colSpan={columns.length} className="muted">
          …
        </td>
      )}
    </tr>
  )
})

/** A cell as read: a plain value, a link to the entry, or a button that opens the cell's editor. */
function CellView({
  column,
  entry,
  onEdit,
}: {
  column: Column
  entry: BoardEntry
  onEdit: (entryId: string, columnId: string) => void
}) {
  const content = column.read(entry)
  if (column.id === 'key' || column.id === 'name') {
    return (
      <td>
        <button type="button" className="link-button" onClick={() => navigate(withParam('entry', entry.id))}>
          {content || entry.entryable_id}
        </button>
      </td>
    )
  }
  if (!column.edit) return <td>{content}</td>
  return (
    <td>
      <button
        type="button"
        className="cell-button"
        aria-label={`Edit ${cellLabel(column, entry)}: ${typeof content === 'string' && content ? content : 'empty'}`}
        onClick={() => onEdit(entry.id, column.id)}
      >
        {content}
      </button>
    </td>
  )
}

const cellLabel = (column: Column, entry: BoardEntry) =>
  `${column.label} of ${entry.key ?? entry.entryable_name ?? entry.id}`

/** The one cell being edited: the editor of its type, saved with Enter, closed with Escape. */
function CellEditor({
  list,
  column,
  entry,
  members,
  onDone,
}: {
  list: List
  column: Column
  entry: BoardEntry
  members: User[]
  onDone: () => void
}) {
  const api = useApi()
  const queryClient = useQueryClient()
  const edit = column.edit!
  const [draft, setDraft] = useState<{ value: unknown }>(() => ({ value: edit.value(entry) }))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const label = cellLabel(column, entry)
  const save = async () => {
    setSaving(true)
    try {
      const updated = await api.entries.update(list.id, entry.id, edit.body(draft.value) as never)
      queryClient.setQueriesData<{ data: BoardEntry[] }>({ queryKey: ['entries', list.id, 'page'] }, (old) =>
        old ? { ...old, data: old.data.map((e) => (e.id === updated.id ? { ...e, ...updated } : e)) } : old,
      )
      queryClient.setQueryData<BoardEntry[]>(['entries', list.id, 'all'], (old) =>
        old?.map((e) => (e.id === updated.id ? { ...e, ...updated } : e)),
      )
      queryClient.setQueryData(['entry', entry.id], updated)
      onDone()
    } catch (failure) {
      const problems = problemsByField(fieldErrors(failure), [column.edit!.field.name])
      setError(Object.values(problems)[0] ?? errorMessage(failure))
    } finally {
      setSaving(false)
    }
  }
  const errorId = `cell-error-${entry.id}-${column.id}`
  return (
    <td className="cell-editing">
      <form
        className="cell-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onDone()
          }
        }}
      >
        <ValueEditor
          field={edit.field}
          value={draft.value}
          members={members}
          onChange={(value) => setDraft({ value })}
          autoFocus
          aria-invalid={Boolean(error)}
          {...(error ? { 'aria-describedby': errorId } : {})}
        />
        <button type="submit" className="primary small" disabled={saving} aria-label={`Save ${label}`}>
          ✓
        </button>
        <button type="button" className="small" onClick={onDone} aria-label={`Cancel editing ${label}`}>
          ×
        </button>
        {error ? (
          <small className="field-error cell-error" id={errorId} role="alert">
            {error}
          </small>
        ) : null}
      </form>
    </td>
  )
}
