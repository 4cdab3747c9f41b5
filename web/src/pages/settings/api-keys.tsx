// API keys: make one (its key shown once, here, to copy), see them all by hint, revoke one.
import type { NewApiKey } from '@rapport/client'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { fieldErrors, useApi } from '../../api/client'
import { ErrorNote, Field, Loading } from '../../components/ui'
import { formatDateTime } from '../../format'

export function ApiKeysSettings() {
  const api = useApi()
  const queryClient = useQueryClient()
  const keys = useQuery({ queryKey: ['api_keys'], queryFn: () => api.apiKeys.list().toArray(500) })
  const [name, setName] = useState('')
  const [made, setMade] = useState<NewApiKey | null>(null)
  const create = useMutation({
    mutationFn: () => api.apiKeys.create({ name }),
    onSuccess: (key) => {
      setMade(key)
      setName('')
      void queryClient.invalidateQueries({ queryKey: ['api_keys'] })
    },
  })
  const revoke = useMutation({
    mutationFn: (id: string) => api.apiKeys.revoke(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api_keys'] }),
  })
  const problems = fieldErrors(create.error)
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          setMade(null)
          create.mutate()
        }}
      >
        <Field label="Key name" error={problems.name} hint="What the key is for, e.g. Zapier">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create key
        </button>
      </form>
      {problems.name ? null : <ErrorNote error={create.error} />}
      {made ? (
        <div className="new-key" role="status">
          <p>
            <strong>{made.name}</strong>: copy this key now. It is shown once and cannot be shown again.
          </p>
          <code className="key" data-testid="new-key">
            {made.key}
          </code>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(made.key)}>
            Copy
          </button>
        </div>
      ) : null}
      {keys.isPending ? <Loading what="keys" /> : null}
      <ErrorNote error={keys.error ?? revoke.error} />
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Member</th>
            <th scope="col">Created</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {(keys.data ?? []).map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>{key.key_hint}</code>
              </td>
              <td>{key.user?.name ?? ''}</td>
              <td>{formatDateTime(key.created_at)}</td>
              <td>
                {key.revoked_at ? (
                  `Revoked ${formatDateTime(key.revoked_at)}`
                ) : (
                  <button
                    type="button"
                    className="danger"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(`Revoke ${key.name}? Requests with it will fail at once.`))
                        revoke.mutate(key.id)
                    }}
                  >
                    Revoke<span className="visually-hidden"> {key.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
