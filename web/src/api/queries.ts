// Server state, through TanStack Query: one hook per thing a page shows. Query keys start with the
// resource name so a write can refresh exactly what it changed.
import type { Entry, List, User } from '@rapport/client'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from './client'

/** An entry as the board and table read it: with its record's name and the time it entered its status. */
export type BoardEntry = Entry & { entryable_name?: string; status_changed_at?: string | null }

/** The API's largest page. */
export const PAGE_SIZE = 100
/** Pages fetched at once when loading a whole process for the board (a browser's connections per host). */
const PARALLEL_PAGES = 6
export const ENTRY_INCLUDES = ['entryable_name', 'status_changed_at'] as Array<'entryable_name' | 'status_changed_at'>

export function useLists() {
  const api = useApi()
  return useQuery({ queryKey: ['lists'], queryFn: () => api.lists.list().toArray() })
}

export function useList(id: string) {
  const api = useApi()
  return useQuery({ queryKey: ['lists', id], queryFn: () => api.lists.get(id) })
}

export function useMembers() {
  const api = useApi()
  return useQuery({ queryKey: ['users'], queryFn: () => api.users.list().toArray(), staleTime: 60_000 })
}

/** Replaces a list in the caches after a write answered it. */
export function useListCache() {
  const queryClient = useQueryClient()
  return (list: List) => {
    queryClient.setQueryData(['lists', list.id], list)
    void queryClient.invalidateQueries({ queryKey: ['lists'], exact: true })
  }
}

/**
 * Every entry of a process, for the board. Pages are offsets, so they need not wait for each other: the
 * first PARALLEL_PAGES are asked at once (before the total is known; a page past the end is empty and
 * cheap), then each answer that says more remain starts the next page, PARALLEL_PAGES in flight at most.
 */
export function useAllEntries(listId: string) {
  const api = useApi()
  return useQuery({
    queryKey: ['entries', listId, 'all'],
    queryFn: async ({ signal }) => {
      const fetchPage = (after: number) =>
        api.api
          .GET('/v1/lists/{list_id}/entries', {
            params: {
              path: { list_id: listId },
              query: { first: PAGE_SIZE, after, sort: 'key', include: ENTRY_INCLUDES },
            },
            signal,
          })
          .then(({ data, error }) => {
            if (!data) throw error ?? new Error('no entries')
            return data
          })
      const pages: BoardEntry[][] = []
      let total = Number.POSITIVE_INFINITY
      let next = 0
      const worker = async (): Promise<void> => {
        while (next * PAGE_SIZE < total) {
          const index = next++
          const page = await fetchPage(index * PAGE_SIZE)
          total = page.pagination.total_count
          pages[index] = page.data
        }
      }
      await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker))
      return pages.flat()
    },
  })
}

export function memberByEmail(members: User[] | undefined, email: string | null | undefined): User | undefined {
  return email ? members?.find((m) => m.email.toLowerCase() === email.toLowerCase()) : undefined
}
