// What a search box's text asks the API for: `a@b.c` an email, `+82 10…` a phone number, `atreid.es`
// (or a URL) a domain, anything else part of a name.

export type RecordKind = 'contacts' | 'organizations'

export function searchFilter(kind: RecordKind, text: string): Record<string, string> {
  const q = text.trim()
  if (!q) return {}
  if (kind === 'contacts' && q.includes('@')) return { email: q }
  if (kind === 'contacts' && /^\+?[\d\s().-]{6,}$/.test(q)) return { phone_number: q }
  if (kind === 'organizations' && /^(https?:\/\/)?[\w-]+(\.[\w-]+)+\S*$/i.test(q)) return { domain: q }
  return { name: q }
}
