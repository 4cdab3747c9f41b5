// SQLite's query compiler, minus row locks. Queries state the row lock they need (`forUpdate()`,
// `forNoKeyUpdate()`, `forShare()`, `forKeyShare()`), as PostgreSQL needs them to keep read-then-write
// sequences safe across server processes. SQLite has no row locks and no syntax for them: every Rapport
// transaction begins IMMEDIATE and so already holds the one write lock of the whole file (sqlite.ts).
// So this compiler drops the row-lock clauses, and no code outside src/db asks which database it runs on.
//
// ### Example
// ```ts
// db.selectFrom('lists').selectAll().where('id', '=', id).forNoKeyUpdate()
// // PostgreSQL: select * from "lists" where "id" = $1 for no key update
// // SQLite:     select * from "lists" where "id" = ?
// ```
import { SqliteQueryCompiler, type SelectModifierNode, type SelectQueryNode } from 'kysely'

/** The select modifiers that are row locks (and what only makes sense with one). */
const ROW_LOCK_MODIFIERS: ReadonlySet<SelectModifierNode['modifier']> = new Set([
  'ForUpdate',
  'ForNoKeyUpdate',
  'ForShare',
  'ForKeyShare',
  'NoWait',
  'SkipLocked',
])

const isRowLock = (node: SelectModifierNode) => node.modifier !== undefined && ROW_LOCK_MODIFIERS.has(node.modifier)

export class RowLockFreeSqliteCompiler extends SqliteQueryCompiler {
  protected override visitSelectQuery(node: SelectQueryNode): void {
    const modifiers = node.endModifiers
    if (modifiers === undefined || !modifiers.some(isRowLock)) super.visitSelectQuery(node)
    else {
      const kept = modifiers.filter((m) => !isRowLock(m))
      super.visitSelectQuery({ ...node, endModifiers: kept.length > 0 ? kept : undefined })
    }
  }
}
