// How `PATCH /v1/lists/:id` changes statuses and fields: merged by name. A new name is added; a known
// name is updated with what the item sends; names not mentioned are kept. `remove: true` removes one
// and `new_name` renames one. When the request names every remaining item, their order becomes the
// order of the request (that is how a whole-set PATCH reorders); otherwise order is kept and new items
// go last. Pure: guards that need the database (entries in a status, values in a field) are the
// service's.
import type { Problems } from '../errors.js'
import { checkText } from './list-input.js'

export interface NamedPatchItem {
  name?: unknown
  new_name?: unknown
  remove?: unknown
}

export interface Existing {
  id: string
  name: string
}

export interface MergePlan<E extends Existing, New, Change> {
  /** Items to create, with their request path. */
  added: Array<{ path: string; value: New }>
  /** Existing items to change (only those whose change is not empty). */
  changed: Array<{ path: string; existing: E; change: Change; rename?: string }>
  /** Existing items to remove. */
  removed: Array<{ path: string; existing: E }>
  /** The final order: an existing item's id, or the index into `added`. */
  order: Array<{ id: string } | { added: number }>
}

export interface MergeRules<E extends Existing, Item, New, Change> {
  /** What the items are called in messages ("status", "field"). */
  noun: string
  maxNameLength: number
  /** Checks an item that adds a new entry; undefined when problems were recorded. */
  checkNew(item: Item, path: string, problems: Problems): New | undefined
  /** Checks an item that updates `existing`; returns the change (may be empty), undefined on problems. */
  checkChange(item: Item, existing: E, path: string, problems: Problems): Change | undefined
  isEmptyChange(change: Change): boolean
}

export function mergeByName<E extends Existing, Item extends NamedPatchItem, New, Change>(
  current: readonly E[],
  items: readonly Item[],
  path: string,
  rules: MergeRules<E, Item, New, Change>,
  problems: Problems,
): MergePlan<E, New, Change> {
  const plan: MergePlan<E, New, Change> = { added: [], changed: [], removed: [], order: [] }
  const byName = new Map(current.map((e) => [e.name, e]))
  const mentioned = new Set<string>()
  const finalNames = new Map<string, string>(current.map((e) => [e.name, e.id]))
  const requestOrder: Array<{ id: string } | { added: number }> = []

  items.forEach((item, i) => {
    const at = `${path}[${i}]`
    const name = checkText(item.name, `${at}.name`, rules.maxNameLength, problems)
    if (name === undefined) return
    const existing = byName.get(name)
    if (mentioned.has(name)) {
      problems.add(`${at}.name`, 'taken', 'is listed twice')
      return
    }
    mentioned.add(name)
    if (item.remove !== undefined && item.remove !== false && item.remove !== true) {
      problems.add(`${at}.remove`, 'type', 'must be boolean')
      return
    }
    if (item.remove === true) {
      if (!existing) problems.add(`${at}.name`, 'unknown', `is not a ${rules.noun} of this list`)
      else {
        plan.removed.push({ path: at, existing })
        finalNames.delete(existing.name)
      }
      return
    }
    let rename: string | undefined
    if (item.new_name !== undefined) {
      rename = checkText(item.new_name, `${at}.new_name`, rules.maxNameLength, problems)
      if (!existing)
        problems.add(`${at}.name`, 'unknown', `is not a ${rules.noun} of this list (new_name renames an existing one)`)
    }
    if (existing) {
      const change = rules.checkChange(item, existing, at, problems)
      if (change === undefined) return
      if (rename !== undefined && rename !== existing.name) {
        plan.changed.push({ path: at, existing, change, rename })
        finalNames.delete(existing.name)
        if (finalNames.has(rename)) problems.add(`${at}.new_name`, 'taken', 'has already been taken')
        finalNames.set(rename, existing.id)
      } else if (!rules.isEmptyChange(change)) plan.changed.push({ path: at, existing, change })
      requestOrder.push({ id: existing.id })
    } else if (rename === undefined) {
      const value = rules.checkNew(item, at, problems)
      if (value === undefined) return
      if (finalNames.has(name)) problems.add(`${at}.name`, 'taken', 'has already been taken')
      finalNames.set(name, '')
      plan.added.push({ path: at, value })
      requestOrder.push({ added: plan.added.length - 1 })
    }
  })

  const removedIds = new Set(plan.removed.map((r) => r.existing.id))
  const remaining = current.filter((e) => !removedIds.has(e.id))
  const wholeSet = remaining.every((e) => requestOrder.some((o) => 'id' in o && o.id === e.id))
  plan.order = wholeSet
    ? requestOrder
    : [...remaining.map((e) => ({ id: e.id })), ...plan.added.map((_, i) => ({ added: i }))]
  return plan
}
