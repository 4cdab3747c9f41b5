// "Contains this text, any case" for the search boxes of the web app (`?name=` on contacts and
// organizations): `lower(column) like '%text%'` with the text's own `%`, `_` and `\` escaped, written
// the same for SQLite and PostgreSQL. lower() folds ASCII on SQLite and every letter on PostgreSQL, so
// on SQLite a search folds only ASCII letters (documented in docs/decisions.md).
import { sql, type RawBuilder } from 'kysely'

/** The LIKE pattern matching `text` anywhere, lower-cased, its wildcards escaped with `\`. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** `lower(<column>) like <pattern> escape '\'`: true when the column contains `text`, any case. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(text)} escape '\\'`
}
