// Sending CSV files to the import endpoint and waiting for their jobs, for the import tests.
import assert from 'node:assert/strict'
import type { ApiClient } from './client.js'
import type { TestServer } from './server.js'

/** Posts `csv` as text/csv with the given options; returns the answer. */
export function postCsv(api: ApiClient, listId: string, csv: string | Uint8Array, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString()
  return api.request('POST', `/v1/lists/${listId}/imports${search ? `?${search}` : ''}`, {
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  })
}

/** Waits until the server has no import job left to run, then returns the job as the API shows it. */
export async function finished(server: TestServer, api: ApiClient, id: string): Promise<any> {
  await server.app.importRunner.idle()
  const res = await api.get(`/v1/imports/${id}`)
  assert.equal(res.status, 200, res.text)
  assert.ok(!['queued', 'running'].includes(res.body.status), `still ${res.body.status}`)
  return res.body
}

/** Imports `csv` and waits for its job to end; asserts the 202. */
export async function importCsv(
  server: TestServer,
  api: ApiClient,
  listId: string,
  csv: string | Uint8Array,
  query: Record<string, string> = {},
): Promise<any> {
  const res = await postCsv(api, listId, csv, query)
  assert.equal(res.status, 202, res.text)
  return finished(server, api, res.body.id)
}
