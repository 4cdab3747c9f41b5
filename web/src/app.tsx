// The app: providers (session, API client, server state), the layout (navigation, user menu) and the
// routes. Every page reaches the server through the typed client only.
import type { List } from '@rapport/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react'
import { ApiProvider } from './api/client'
import { useList, useLists } from './api/queries'
import { PUBLIC_PATHS, SessionProvider, useSession } from './api/session'
import { ErrorNote, Loading } from './components/ui'
import { BoardPage } from './pages/board'
import { EntryDrawer } from './pages/entry-drawer'
import { TablePage } from './pages/table'

// Pages other than the board and the table load when first visited, so the first page's script is small.
const RecordPage = lazy(() => import('./pages/record').then((m) => ({ default: m.RecordPage })))
const RecordsPage = lazy(() => import('./pages/records').then((m) => ({ default: m.RecordsPage })))
const SettingsPage = lazy(() => import('./pages/settings/settings').then((m) => ({ default: m.SettingsPage })))
const SignInPage = lazy(() => import('./pages/signin').then((m) => ({ default: m.SignInPage })))
const SetupPage = lazy(() => import('./pages/signin').then((m) => ({ default: m.SetupPage })))
import { Link, match, navigate, useLocation, withParam } from './router'

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // The client already retried what is worth retrying (429, 503, the network).
        retry: false,
      },
    },
  })
}

export function App() {
  const [queryClient] = useState(makeQueryClient)
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>
        <ApiProvider>
          <Routes />
        </ApiProvider>
      </QueryClientProvider>
    </SessionProvider>
  )
}

function Routes() {
  const { path } = useLocation()
  const { state } = useSession()
  let content: ReactNode
  if (path === '/signin') content = <SignInPage />
  else if (path === '/setup') content = <SetupPage />
  else if (state.status === 'signed-out') content = <RedirectToSignIn />
  // While the session is being checked the page already asks for its data with the cookie: a signed-in
  // person waits for one round trip less, and anyone else gets 401s that lead to sign-in all the same.
  else content = <Layout>{page(path)}</Layout>
  return <Suspense fallback={<Loading what="the page" />}>{content}</Suspense>
}

function RedirectToSignIn() {
  const { lost } = useSession()
  useEffect(() => {
    if (!PUBLIC_PATHS.includes(window.location.pathname)) lost()
  }, [lost])
  return null
}

function page(path: string): ReactNode {
  let params = match('/lists/:id/table', path)
  if (params) return <ListPage id={params.id!} view="table" />
  params = match('/lists/:id', path)
  if (params) return <ListPage id={params.id!} view="default" />
  params = match('/contacts/:id', path)
  if (params) return <RecordPage key={params.id} kind="contacts" id={params.id!} />
  params = match('/organizations/:id', path)
  if (params) return <RecordPage key={params.id} kind="organizations" id={params.id!} />
  if (path === '/contacts') return <RecordsPage kind="contacts" />
  if (path === '/organizations') return <RecordsPage kind="organizations" />
  if (path.startsWith('/settings')) return <SettingsPage />
  if (path === '/') return <Home />
  return (
    <section className="page">
      <h1>Not found</h1>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  )
}

function Layout({ children }: { children: ReactNode }) {
  const { state, signOut } = useSession()
  const lists = useLists()
  const { path } = useLocation()
  // The phone menu is open on the page it was opened on: a new page closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null)
  const menuOpen = menuOpenOn === path
  const setMenuOpen = (open: boolean) => setMenuOpenOn(open ? path : null)
  const user = state.status === 'signed-in' ? state.session.user : null
  const active = (lists.data ?? []).filter((l) => !l.archived_at)
  const current = (to: string) => (path === to || path.startsWith(`${to}/`) ? 'page' : undefined)
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-button menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ☰<span className="visually-hidden"> Menu</span>
        </button>
        <Link to="/" className="brand">
          Rapport
        </Link>
        <div className="topbar-user">
          {user ? <span className="muted">{user.name}</span> : null}
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav id="sidebar" className={menuOpen ? 'sidebar sidebar-open' : 'sidebar'} aria-label="Main">
        <h2 className="nav-heading">Processes and lists</h2>
        <ul>
          {active.map((l) => (
            <li key={l.id}>
              <Link to={`/lists/${l.id}`} aria-current={current(`/lists/${l.id}`)}>
                {l.name}
              </Link>
            </li>
          ))}
        </ul>
        <h2 className="nav-heading">Records</h2>
        <ul>
          <li>
            <Link to="/organizations" aria-current={current('/organizations')}>
              Organizations
            </Link>
          </li>
          <li>
            <Link to="/contacts" aria-current={current('/contacts')}>
              Contacts
            </Link>
          </li>
        </ul>
        <ul>
          <li>
            <Link to="/settings" aria-current={current('/settings')}>
              Settings
            </Link>
          </li>
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}

function Home() {
  const lists = useLists()
  if (lists.isPending) return <Loading what="lists" />
  if (lists.error) return <ErrorNote error={lists.error} />
  const active = lists.data.filter((l) => !l.archived_at)
  return (
    <section className="page" aria-labelledby="home-heading">
      <header className="page-header">
        <h1 id="home-heading">Processes and lists</h1>
      </header>
      {active.length === 0 ? (
        <p>
          Nothing here yet. <Link to="/settings">Create a process from a template</Link>.
        </p>
      ) : (
        <ul className="list-cards">
          {active.map((l) => (
            <li key={l.id}>
              <Link to={`/lists/${l.id}`} className="list-card">
                <strong>{l.name}</strong>
                <span className="muted">
                  {l.process ? `Process · ${(l.statuses ?? []).length} statuses` : 'List'} · {l.entry_type}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ListPage({ id, view }: { id: string; view: 'default' | 'table' }) {
  const list = useList(id)
  const { search } = useLocation()
  const entryId = search.get('entry')
  if (list.isPending) return <Loading what="the list" />
  if (list.error) return <ErrorNote error={list.error} />
  const l: List = list.data
  const board = l.process && view === 'default'
  return (
    <div className="page list-page">
      <header className="page-header">
        <h1>{l.name}</h1>
        <nav aria-label="Views" className="tabs">
          {l.process ? (
            <Link to={`/lists/${id}`} className="tab" aria-current={board ? 'page' : undefined}>
              Board
            </Link>
          ) : null}
          <Link
            to={l.process ? `/lists/${id}/table` : `/lists/${id}`}
            className="tab"
            aria-current={board ? undefined : 'page'}
          >
            Table
          </Link>
          <Link to={`/settings/lists/${id}`} className="tab">
            Settings
          </Link>
        </nav>
      </header>
      {board ? <BoardPage list={l} /> : <TablePage key={l.updated_at} list={l} />}
      {entryId ? (
        <EntryDrawer key={entryId} list={l} entryId={entryId} onClose={() => navigate(withParam('entry', null))} />
      ) : null}
    </div>
  )
}
