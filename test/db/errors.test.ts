// How database errors are read: which refusals are client mistakes, which are transient.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isForeignKeyViolation, isRetryable, isUnavailable, isUniqueViolation } from '../../src/db/errors.js'

describe('database errors', () => {
  it('reads unique and foreign-key refusals of both databases', () => {
    assert.ok(isUniqueViolation({ code: '23505' }))
    assert.ok(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))
    assert.ok(isForeignKeyViolation({ code: '23503' }))
    assert.ok(isForeignKeyViolation({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }))
    assert.ok(!isUniqueViolation({ code: '23503' }))
  })
  it('treats a deadlock that outlived its retries as transient (503), not as a server fault', () => {
    assert.ok(isRetryable({ code: '40P01' }))
    assert.ok(isUnavailable({ code: '40P01' }))
    assert.ok(isUnavailable({ code: '40001' }))
    assert.ok(isUnavailable({ code: 'ECONNREFUSED' }))
    assert.ok(!isUnavailable({ code: '23505' }))
    assert.ok(!isUnavailable(new Error('something else')))
  })
})
