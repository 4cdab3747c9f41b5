// The editor of one field value, chosen by the field's data type: text, long text, URL, number, date,
// date and time, select (one or several), member (by email) and contact (searched by name). Used by the
// table's cells, the entry drawer and the record pages.
import type { User } from '@rapport/client'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../api/client'

export interface FieldShape {
  name: string
  data_type: 'text' | 'textarea' | 'url' | 'number' | 'date' | 'datetime' | 'select' | 'user' | 'contact'
  options: string[] | null
  accepts_multiple_values: boolean
}

interface EditorProps {
  field: FieldShape
  value: unknown
  onChange: (value: unknown) => void
  members: User[]
  id?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  autoFocus?: boolean
}

const asArray = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value === null || value === undefined || value === ''
      ? []
      : [String(value)]

/** `2025-04-30T09:12:00.000Z` → `2025-04-30T09:12` for a datetime-local input (in local time). */
function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

export function ValueEditor({ field, value, onChange, members, ...control }: EditorProps) {
  const label = { 'aria-label': control.id ? undefined : field.name }
  const common = { ...control, ...label }
  switch (field.data_type) {
    case 'textarea':
      return <textarea {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value || null)} />
    case 'number':
      return (
        <input
          {...common}
          type="number"
          step="any"
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      )
    case 'date':
      return (
        <input {...common} type="date" value={String(value ?? '')} onChange={(e) => onChange(e.target.value || null)} />
      )
    case 'datetime':
      return (
        <input
          {...common}
          type="datetime-local"
          value={toLocalInput(value)}
          onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)}
        />
      )
    case 'select':
    case 'user': {
      const options =
        field.data_type === 'select'
          ? (field.options ?? []).map((o) => ({ value: o, label: o }))
          : members.map((m) => ({ value: m.email, label: m.name }))
      if (field.accepts_multiple_values) {
        return (
          <select
            {...common}
            multiple
            value={asArray(value)}
            onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )
      }
      return (
        <select {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )
    }
    case 'contact':
      return <ContactPicker field={field} value={value} onChange={onChange} {...control} />
    default:
      return (
        <input
          {...common}
          type={field.data_type === 'url' ? 'url' : 'text'}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value || null)}
        />
      )
  }
}

/** Contacts found by name as one types; the value is their ids. */
function ContactPicker({ field, value, onChange, ...control }: Omit<EditorProps, 'members'>) {
  const api = useApi()
  const [text, setText] = useState('')
  const chosen = asArray(value)
  const found = useQuery({
    queryKey: ['contacts', 'search', text],
    queryFn: () => api.contacts.list({ name: text, first: 8 }).page(),
    enabled: text.trim().length > 0,
  })
  const names = useQuery({
    queryKey: ['contacts', 'names', chosen],
    queryFn: () => Promise.all(chosen.map((id) => api.contacts.get(id).catch(() => null))),
    enabled: chosen.length > 0,
  })
  const choose = (id: string) => onChange(field.accepts_multiple_values ? [...new Set([...chosen, id])] : id)
  const remove = (id: string) => onChange(field.accepts_multiple_values ? chosen.filter((c) => c !== id) : null)
  return (
    <div className="picker">
      <ul className="chips">
        {chosen.map((id, i) => {
          const contact = names.data?.[i]
          const label = contact ? contact.name || contact.emails[0] || id : id
          return (
            <li key={id} className="chip">
              {label}
              <button type="button" className="chip-remove" aria-label={`Remove ${label}`} onClick={() => remove(id)}>
                ×
              </button>
            </li>
          )
        })}
      </ul>
      <input
        {...control}
        type="search"
        aria-label={control.id ? undefined : `Find a contact for ${field.name}`}
        placeholder="Find a contact by name"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {found.data && found.data.data.length > 0 ? (
        <ul className="picker-results">
          {found.data.data.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  choose(c.id)
                  setText('')
                }}
              >
                {c.name || c.emails[0] || c.id}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
