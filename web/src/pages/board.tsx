// The process board: one column per status in the process's order, each card an entry (key, record
// name, value, assignee, days in its status), per-column count and value sums. Drag a card (mouse, touch,
// or keyboard: Space to lift, arrows to move between columns, Space to drop) to change its status: the
// board moves it at once and puts it back if the server refuses. Columns are virtualized, so only the
// cards in view are in the page, which keeps a 2,000-card board smooth.
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragStartEvent,
  DragOverlay,
  KeyboardSensor,
  type KeyboardCoordinateGetter,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import type { List, User } from '@rapport/client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useMemo, useRef, useState } from 'react'
import { errorMessage, useApi } from '../api/client'
import { type BoardEntry, memberByEmail, useAllEntries, useMembers } from '../api/queries'
import { Avatar, ErrorNote, Loading } from '../components/ui'
import { daysSince, formatCents, initials } from '../format'
import { navigate, withParam } from '../router'
import { AddEntryDrawer } from './add-entry'

type Status = NonNullable<List['statuses']>[number]

const CARD_HEIGHT = 96

/** Keyboard moves: left and right jump to the neighbouring column, up and down scroll within one. */
const columnKeys: KeyboardCoordinateGetter = (event, { context: { droppableRects, collisionRect } }) => {
  if (!collisionRect) return undefined
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0
  if (step === 0) {
    if (event.code === 'ArrowDown') return { x: collisionRect.left, y: collisionRect.top + CARD_HEIGHT }
    if (event.code === 'ArrowUp') return { x: collisionRect.left, y: collisionRect.top - CARD_HEIGHT }
    return undefined
  }
  event.preventDefault()
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left)
  const center = collisionRect.left + collisionRect.width / 2
  let current = columns.findIndex((r) => center >= r.left && center <= r.left + r.width)
  if (current === -1) current = 0
  const target = columns[Math.min(columns.length - 1, Math.max(0, current + step))]
  if (!target) return undefined
  return { x: target.left + (target.width - collisionRect.width) / 2, y: collisionRect.top }
}

/** The column under the pointer; for the keyboard (no pointer), the column the card overlaps most. */
const collision: CollisionDetection = (args) => {
  const under = pointerWithin(args)
  return under.length > 0 ? under : rectIntersection(args)
}

export function BoardPage({ list }: { list: List }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const entries = useAllEntries(list.id)
  const members = useMembers()
  const [assignee, setAssignee] = useState('')
  const [text, setText] = useState('')
  // Lost deals are rarely looked at: their columns start folded (a folded column still takes drops).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(
    () => new Set((list.statuses ?? []).filter((s) => s.type === 'lost').map((s) => s.name)),
  )
  const [dragging, setDragging] = useState<BoardEntry | null>(null)
  const [moveError, setMoveError] = useState<unknown>(null)
  const [adding, setAdding] = useState(false)
  const statuses = list.statuses ?? []
  const key = ['entries', list.id, 'all']

  const move = useMutation({
    mutationFn: ({ entry, status }: { entry: BoardEntry; status: string }) =>
      api.entries.update(list.id, entry.id, { status }),
    onMutate: async ({ entry, status }) => {
      setMoveError(null)
      await queryClient.cancelQueries({ queryKey: key })
      const before = queryClient.getQueryData<BoardEntry[]>(key)
      queryClient.setQueryData<BoardEntry[]>(key, (old) =>
        old?.map((e) => (e.id === entry.id ? { ...e, status, status_changed_at: new Date().toISOString() } : e)),
      )
      return { before }
    },
    onError: (error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before)
      setMoveError(error)
    },
    onSuccess: (updated) => {
      queryClient.setQueryData<BoardEntry[]>(key, (old) =>
        old?.map((e) => (e.id === updated.id ? { ...e, ...updated } : e)),
      )
      void queryClient.invalidateQueries({ queryKey: ['entries', list.id, 'page'] })
      void queryClient.invalidateQueries({ queryKey: ['entry', updated.id] })
    },
  })

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnKeys,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  )

  const columns = useMemo(() => {
    const needle = text.trim().toLowerCase()
    const byStatus = new Map<string, BoardEntry[]>(statuses.map((s) => [s.name, []]))
    for (const entry of entries.data ?? []) {
      if (assignee === 'none' ? entry.assignee : assignee && entry.assignee?.email !== assignee) continue
      if (
        needle &&
        !(entry.entryable_name ?? '').toLowerCase().includes(needle) &&
        !(entry.key ?? '').toLowerCase().includes(needle)
      )
        continue
      byStatus.get(entry.status ?? '')?.push(entry)
    }
    return byStatus
  }, [entries.data, statuses, assignee, text])

  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current?.entry as BoardEntry) ?? null)
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null)
    const entry = event.active.data.current?.entry as BoardEntry | undefined
    const status = event.over?.id
    if (entry && typeof status === 'string' && status !== entry.status) move.mutate({ entry, status })
  }
  const toggle = (name: string) =>
    setCollapsed((old) => {
      const next = new Set(old)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })

  if (entries.isPending) return <Loading what="the board" />
  if (entries.error) return <ErrorNote error={entries.error} />
  return (
    <section className="board-page" aria-label={`${list.name} board`}>
      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter cards by name or key"
          placeholder="Filter by name or key"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label="Filter by assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">Everyone</option>
          <option value="none">Unassigned</option>
          {(members.data ?? []).map((m) => (
            <option key={m.id} value={m.email}>
              {m.name}
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite">
          {[...columns.values()].reduce((n, c) => n + c.length, 0)} of {entries.data.length} cards
        </span>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add entry
        </button>
      </div>
      {moveError ? <ErrorNote error={new Error(`The card went back: ${errorMessage(moveError)}`)} /> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS }, announcements }}
      >
        <div className="board">
          {statuses.map((status) => (
            <Column
              key={status.name}
              status={status}
              entries={columns.get(status.name) ?? []}
              members={members.data}
              collapsed={collapsed.has(status.name)}
              onToggle={() => toggle(status.name)}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging ? <CardBody entry={dragging} members={members.data} /> : null}
        </DragOverlay>
      </DndContext>
      {adding ? <AddEntryDrawer list={list} onClose={() => setAdding(false)} /> : null}
    </section>
  )
}

const cardName = (data: unknown) => {
  const entry = (data as { entry?: BoardEntry } | undefined)?.entry
  return entry ? `${entry.key ?? ''} ${entry.entryable_name ?? ''}`.trim() : 'The card'
}

/** What a screen reader hears while a card moves, by card key and column name. */
const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${cardName(active.data.current)}.`,
  onDragOver: ({ active, over }) =>
    over
      ? `${cardName(active.data.current)} is over ${over.id}.`
      : `${cardName(active.data.current)} is over no column.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `${cardName(active.data.current)} was dropped in ${over.id}.`
      : `${cardName(active.data.current)} was put back.`,
  onDragCancel: ({ active }) => `Moving ${cardName(active.data.current)} was cancelled.`,
}

const SCREEN_READER_INSTRUCTIONS =
  'To move a card to another status, press Space, then the left and right arrow keys to choose the column, and Space again to drop it there. Escape cancels. Enter opens the card.'

function Column({
  status,
  entries,
  members,
  collapsed,
  onToggle,
}: {
  status: Status
  entries: BoardEntry[]
  members: User[] | undefined
  collapsed: boolean
  onToggle: () => void
}) {
  const { setNodeRef, isOver } = useDroppable({ id: status.name })
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: collapsed ? 0 : entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 4,
  })
  const oneTime = entries.reduce((sum, e) => sum + (e.one_time_value_cents ?? 0), 0)
  const recurring = entries.reduce((sum, e) => sum + (e.recurring_value_cents ?? 0), 0)
  const closable = status.type !== 'active'
  const headingId = `column-${status.name.replace(/\W+/g, '-')}`
  return (
    <section
      ref={setNodeRef}
      className={`column column-${status.type}${collapsed ? ' column-collapsed' : ''}${isOver ? ' column-over' : ''}`}
      aria-labelledby={headingId}
      data-status={status.name}
    >
      <header className="column-header">
        <h3 id={headingId}>
          {status.name} <span className="count">{entries.length}</span>
        </h3>
        {closable ? (
          <button
            type="button"
            className="icon-button"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${status.name}`}
            onClick={onToggle}
          >
            {collapsed ? '›' : '‹'}
          </button>
        ) : null}
        {collapsed ? null : (
          <p className="sums">
            <span title="One-time value">{formatCents(oneTime)}</span>
            {recurring > 0 ? <span title="Recurring value"> + {formatCents(recurring)} recurring</span> : null}
          </p>
        )}
      </header>
      <div className="column-body" ref={scrollRef}>
        <ul className="cards" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((row) => {
            const entry = entries[row.index]!
            return (
              <li key={entry.id} className="card-slot" style={{ transform: `translateY(${row.start}px)` }}>
                <Card entry={entry} members={members} />
              </li>
            )
          })}
        </ul>
      </div>
    </section>
  )
}

const Card = memo(function Card({ entry, members }: { entry: BoardEntry; members: User[] | undefined }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: entry.id, data: { entry } })
  const open = () => navigate(withParam('entry', entry.id))
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dnd-kit's attributes make it a focusable role="button"
    <div
      ref={setNodeRef}
      className={isDragging ? 'card card-dragging' : 'card'}
      {...attributes}
      {...listeners}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open()
        else listeners?.onKeyDown?.(event)
      }}
      data-entry={entry.id}
    >
      <CardBody entry={entry} members={members} />
    </div>
  )
})

function CardBody({ entry, members }: { entry: BoardEntry; members: User[] | undefined }) {
  const assignee = entry.assignee ? (memberByEmail(members, entry.assignee.email) ?? entry.assignee) : null
  const days = daysSince(entry.status_changed_at)
  return (
    <>
      <div className="card-top">
        <span className="card-key">{entry.key}</span>
        {days === null ? null : (
          <span className="card-days" title={`${days} days in ${entry.status}`}>
            {days}d
          </span>
        )}
      </div>
      <div className="card-name">{entry.entryable_name || entry.entryable_id}</div>
      <div className="card-bottom">
        <span className="card-value">{formatCents(entry.one_time_value_cents)}</span>
        {assignee ? <Avatar name={assignee.name} initials={initials(assignee.name)} /> : null}
      </div>
    </>
  )
}
