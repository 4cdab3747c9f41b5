// Contacts and organizations: a table with one search box that reads what was typed (an email, a phone
// number, a domain, or else part of a name) and asks the API's matching filter; record pages link off it.
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useApi } from '../api/client'
import { ErrorNote, Loading } from '../components/ui'
import { formatDate } from '../format'
import { Link, navigate, useLocation } from '../router'
import { type RecordKind, searchFilter } from './search-filter'

export type { RecordKind } from './search-filter'

export function RecordsPage({ kind }: { kind: RecordKind }) {
  const api = useApi()
  const { search } = useLocation()
  const [text, setText] = useState(search.get('q') ?? '')
  const filter = searchFilter(kind, search.get('q') ?? '')
  const rows = useInfiniteQuery({
    queryKey: [kind, 'table', filter],
    initialPageParam: 0,
    queryFn: async ({ pageParam }) => {
      if (kind === 'contacts') {
        const page = await api.contacts.list({ ...filter, first: 50, after: pageParam } as never).page()
        return {
          total: page.pagination.total_count,
          next: page.pagination.has_next_page ? page.pagination.end_cursor : undefined,
          rows: page.data.map((c) => ({
            id: c.id,
            name: c.name || [c.first_name, c.last_name].filter(Boolean).join(' ') || c.emails[0] || c.id,
            detail: [...c.emails, ...c.phone_numbers].join(', '),
            updated: c.updated_at,
          })),
        }
      }
      const page = await api.organizations.list({ ...filter, first: 50, after: pageParam } as never).page()
      return {
        total: page.pagination.total_count,
        next: page.pagination.has_next_page ? page.pagination.end_cursor : undefined,
        rows: page.data.map((o) => ({ id: o.id, name: o.name, detail: o.domains.join(', '), updated: o.updated_at })),
      }
    },
    getNextPageParam: (last) => last.next,
  })
  const title = kind === 'contacts' ? 'Contacts' : 'Organizations'
  const all = rows.data?.pages.flatMap((p) => p.rows) ?? []
  return (
    <section className="page" aria-labelledby="records-heading">
      <header className="page-header">
        <h1 id="records-heading">{title}</h1>
      </header>
      <form
        className="toolbar"
        aria-label="Search"
        onSubmit={(e) => {
          e.preventDefault()
          navigate(text.trim() ? `/${kind}?q=${encodeURIComponent(text.trim())}` : `/${kind}`)
        }}
      >
        <input
          type="search"
          aria-label={`Search ${kind}`}
          placeholder={kind === 'contacts' ? 'Name, email or phone' : 'Name or domain'}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Search</button>
        <span className="muted" aria-live="polite">
          {rows.data ? `${rows.data.pages[0]?.total ?? 0} found` : ''}
        </span>
      </form>
      {rows.isPending ? <Loading what={kind} /> : null}
      <ErrorNote error={rows.error} />
      <div className="table-scroll table-scroll-short">
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">{kind === 'contacts' ? 'Emails and phones' : 'Domains'}</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {all.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/${kind}/${row.id}`}>{row.name}</Link>
                </td>
                <td>{row.detail}</td>
                <td>{formatDate(row.updated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.hasNextPage ? (
        <button type="button" onClick={() => rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
          Show more
        </button>
      ) : null}
    </section>
  )
}
