// An HTTP client for tests: real requests over the loopback, answers as values. It never throws on a
// 4xx or 5xx, so tests assert on the status and body.

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
  /** The raw response text. */
  text: string
}

export interface RequestOptions {
  /** JSON-encoded unless `raw` is given. */
  body?: unknown
  /** Sent as is, with `headers` deciding the content type. */
  raw?: string | Uint8Array
  headers?: Record<string, string>
}

export interface ApiClient {
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>
  get<T = any>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>
  post<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>
  delete<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>
  /** Reads every page of a list endpoint with first=100 and returns all items. */
  all<T = any>(path: string): Promise<T[]>
}

/**
 * A client for `server` sending `key` as the bearer key (or no Authorization header when key is null),
 * and `defaultHeaders` on every request (a session cookie, say); a request's own headers win.
 */
export function client(
  server: { url: string },
  key: string | null,
  defaultHeaders: Record<string, string> = {},
): ApiClient {
  const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...defaultHeaders,
    }
    let body: string | Uint8Array | undefined
    if (options.raw !== undefined) body = options.raw
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] = 'application/json'
    }
    Object.assign(headers, options.headers)
    const response = await fetch(server.url + path, { method, headers, body })
    const text = await response.text()
    let parsed: unknown = text
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text !== '')
      parsed = JSON.parse(text)
    return { status: response.status, body: parsed as T, headers: response.headers, text }
  }
  const api: ApiClient = {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, body, options) => request('DELETE', path, { ...options, body }),
    async all<T>(path: string): Promise<T[]> {
      const items: T[] = []
      const separator = path.includes('?') ? '&' : '?'
      for (let after = 0; ; ) {
        const res = await request<{ data: T[]; pagination: { end_cursor: number; has_next_page: boolean } }>(
          'GET',
          `${path}${separator}first=100&after=${after}`,
        )
        if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text}`)
        items.push(...res.body.data)
        if (!res.body.pagination.has_next_page) return items
        after = res.body.pagination.end_cursor
      }
    },
  }
  return api
}
