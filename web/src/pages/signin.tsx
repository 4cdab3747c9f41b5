// Sign in (email and password), and the one-time setup link (`/setup#<token>`) that lets a new member,
// or the owner on first start, choose a name and password. Both end signed in, back where they were going.
import { type FormEvent, useEffect, useState } from 'react'
import { type SessionInfo, useSession } from '../api/session'
import { Field } from '../components/ui'
import { navigate, useLocation } from '../router'

interface ApiProblem {
  message?: string
  code?: string
  details?: Array<{ field: string; message: string }>
}

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const detailsOf = (problem: ApiProblem | null) =>
  Object.fromEntries((problem?.details ?? []).map((d) => [d.field, d.message])) as Record<string, string>

/** Where to go after signing in: the `next` the app was sent away from, if it is a page of this app. */
function nextPath(search: URLSearchParams): string {
  const next = search.get('next') ?? '/'
  return next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

export function SignInPage() {
  const { signedIn } = useSession()
  const { search } = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<ApiProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      const res = await post('/v1/sessions', { email, password })
      if (res.status === 201) {
        signedIn(res.body as SessionInfo)
        navigate(nextPath(search), { replace: true })
      } else setProblem(res.body as ApiProblem)
    } catch (error) {
      setProblem({ message: String(error) })
    } finally {
      setBusy(false)
    }
  }
  const details = detailsOf(problem)
  return (
    <main className="auth-page">
      <form className="auth-card form" onSubmit={submit} aria-labelledby="signin-heading">
        <h1 id="signin-heading">Sign in to Rapport</h1>
        <Field label="Email" error={details.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={details.password}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {problem && Object.keys(details).length === 0 ? (
          <p className="error-note" role="alert">
            {problem.code === 'invalid_credentials' ? 'Wrong email or password.' : problem.message}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  )
}

export function SetupPage() {
  const { signedIn } = useSession()
  const [token] = useState(() => window.location.hash.slice(1))
  const [lookup, setLookup] = useState<{ purpose: string; email: string | null } | 'invalid' | null>(null)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<ApiProblem | null>(null)
  useEffect(() => {
    // The token stays out of history and logs: it is read from the fragment and the fragment is dropped.
    window.history.replaceState(null, '', '/setup')
    post('/v1/setup/lookup', { token }).then(
      (res) => {
        if (res.status !== 200) return setLookup('invalid')
        const found = res.body as { purpose: string; email: string | null }
        setLookup(found)
        if (found.email) setEmail(found.email)
      },
      () => setLookup('invalid'),
    )
  }, [token])
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const res = await post('/v1/setup', { token, name, email, password })
    if (res.status === 201) {
      signedIn(res.body as SessionInfo)
      navigate('/', { replace: true })
    } else setProblem(res.body as ApiProblem)
  }
  const details = detailsOf(problem)
  if (lookup === null) return <main className="auth-page">Checking the link…</main>
  if (lookup === 'invalid')
    return (
      <main className="auth-page">
        <div className="auth-card">
          <h1>This link no longer works</h1>
          <p>Setup links work once and for 24 hours. Ask for a new one, or sign in.</p>
          <a href="/signin">Sign in</a>
        </div>
      </main>
    )
  return (
    <main className="auth-page">
      <form className="auth-card form" onSubmit={submit} aria-labelledby="setup-heading">
        <h1 id="setup-heading">{lookup.purpose === 'reset' ? 'Choose a new password' : 'Set up your account'}</h1>
        <Field label="Your name" error={details.name}>
          {(p) => <input {...p} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Email" error={details.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={email}
              readOnly={Boolean(lookup.email)}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={details.password} hint="At least 10 characters">
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {problem && Object.keys(details).length === 0 ? (
          <p className="error-note" role="alert">
            {problem.message}
          </p>
        ) : null}
        <button type="submit" className="primary">
          Continue
        </button>
      </form>
    </main>
  )
}
