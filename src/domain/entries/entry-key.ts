// Entry keys: `<identifier>-<n>`, n counting from 1 per process. The number comes from the process's
// `last_key_number`, which only grows, so a key is never reused after a delete; the identifier is the
// one the process had when the entry was made, so renaming the identifier keeps existing keys.

/**
 * ### Example
 * ```ts
 * formatEntryKey('DEAL', 7) // 'DEAL-7'
 * ```
 */
export function formatEntryKey(identifier: string, n: number): string {
  return `${identifier}-${n}`
}
