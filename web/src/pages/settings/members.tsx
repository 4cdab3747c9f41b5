// Members: the people entries are assigned to and notes are signed by.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { fieldErrors, useApi } from '../../api/client'
import { useMembers } from '../../api/queries'
import { ErrorNote, Field, Loading } from '../../components/ui'

export function MembersSettings() {
  const api = useApi()
  const queryClient = useQueryClient()
  const members = useMembers()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const add = useMutation({
    mutationFn: () => api.users.create({ name, email }),
    onSuccess: () => {
      setName('')
      setEmail('')
      void queryClient.invalidateQueries({ queryKey: ['users'] })
    },
  })
  const problems = fieldErrors(add.error)
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          add.mutate()
        }}
      >
        <Field label="Name" error={problems.name}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Email" error={problems.email}>
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={add.isPending}>
          Add member
        </button>
      </form>
      {problems.name || problems.email ? null : <ErrorNote error={add.error} />}
      {members.isPending ? <Loading what="members" /> : null}
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {(members.data ?? []).map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{m.email}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
