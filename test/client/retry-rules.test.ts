// The client's retry rules that need no server: reading Retry-After in both of its forms, and the
// Idempotency-Key format (a version-4 UUID, new for every call).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { newIdempotencyKey, retryAfterMs } from '@rapport/client'

describe('@rapport/client retry rules', () => {
  it('reads Retry-After as delta-seconds or as an HTTP date', () => {
    const now = Date.parse('2025-04-29T22:47:00Z')
    assert.equal(retryAfterMs('2', now), 2000)
    assert.equal(retryAfterMs(' 0 ', now), 0)
    assert.equal(retryAfterMs('Tue, 29 Apr 2025 22:47:30 GMT', now), 30_000)
    assert.equal(retryAfterMs('Tue, 29 Apr 2025 22:46:00 GMT', now), 0, 'a date in the past: at once')
    assert.equal(retryAfterMs(null, now), undefined)
    assert.equal(retryAfterMs('soon', now), undefined)
    assert.equal(retryAfterMs('-1', now), undefined)
  })

  it('makes a new version-4 UUID for every call', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey()))
    assert.equal(keys.size, 1000)
    for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
