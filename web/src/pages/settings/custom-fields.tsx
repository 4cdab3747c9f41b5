// Custom fields of contacts, organizations and deals: make one (its type, its options), remove one.
import type { CreateCustomFieldBody } from '@rapport/client'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { fieldErrors, useApi } from '../../api/client'
import { ErrorNote, Field, Loading } from '../../components/ui'
import { DATA_TYPES, MULTI_TYPES } from './lists'

type Model = CreateCustomFieldBody['model']

export function CustomFieldsSettings() {
  const api = useApi()
  const queryClient = useQueryClient()
  const fields = useQuery({ queryKey: ['custom_fields', 'all'], queryFn: () => api.customFields.list().toArray(1000) })
  const [draft, setDraft] = useState({
    name: '',
    model: 'organization' as Model,
    data_type: 'text',
    options: '',
    multiple: false,
  })
  const create = useMutation({
    mutationFn: () =>
      api.customFields.create({
        name: draft.name,
        model: draft.model,
        data_type: draft.data_type as CreateCustomFieldBody['data_type'],
        ...(draft.data_type === 'select' ? { options: splitOptions(draft.options) } : {}),
        ...(MULTI_TYPES.includes(draft.data_type) ? { accepts_multiple_values: draft.multiple } : {}),
      }),
    onSuccess: () => {
      setDraft({ ...draft, name: '', options: '' })
      void queryClient.invalidateQueries({ queryKey: ['custom_fields'] })
    },
  })
  const remove = useMutation({
    mutationFn: (id: string) => api.customFields.delete(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['custom_fields'] }),
  })
  const problems = fieldErrors(create.error)
  return (
    <section aria-labelledby="cf-heading">
      <h2 id="cf-heading">Custom fields</h2>
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate()
        }}
      >
        <Field label="Field name" error={problems.name}>
          {(p) => <input {...p} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
        </Field>
        <Field label="Of" error={problems.model}>
          {(p) => (
            <select {...p} value={draft.model} onChange={(e) => setDraft({ ...draft, model: e.target.value as Model })}>
              <option value="organization">Organizations</option>
              <option value="contact">Contacts</option>
              <option value="deal">Deals</option>
            </select>
          )}
        </Field>
        <Field label="Type" error={problems.data_type}>
          {(p) => (
            <select {...p} value={draft.data_type} onChange={(e) => setDraft({ ...draft, data_type: e.target.value })}>
              {DATA_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          )}
        </Field>
        {draft.data_type === 'select' ? (
          <Field label="Options" error={problems.options} hint="Comma-separated">
            {(p) => (
              <input {...p} value={draft.options} onChange={(e) => setDraft({ ...draft, options: e.target.value })} />
            )}
          </Field>
        ) : null}
        {MULTI_TYPES.includes(draft.data_type) ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.multiple}
              onChange={(e) => setDraft({ ...draft, multiple: e.target.checked })}
            />
            Several values
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={create.isPending}>
          Add field
        </button>
      </form>
      {Object.keys(problems).length === 0 ? <ErrorNote error={create.error} /> : null}
      {fields.isPending ? <Loading what="fields" /> : null}
      <ErrorNote error={fields.error ?? remove.error} />
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Of</th>
            <th scope="col">Type</th>
            <th scope="col">Options</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(fields.data ?? []).map((f) => (
            <tr key={f.id}>
              <td>{f.name}</td>
              <td>{f.model}</td>
              <td>
                {f.data_type}
                {f.accepts_multiple_values ? ' (several)' : ''}
              </td>
              <td>{(f.options ?? []).join(', ')}</td>
              <td>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (window.confirm(`Remove the field ${f.name} and its values?`)) remove.mutate(f.id)
                  }}
                >
                  Remove<span className="visually-hidden"> {f.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export const splitOptions = (text: string) =>
  text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
