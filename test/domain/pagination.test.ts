import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageRequest, toPage } from '../../src/domain/pagination.js'

describe('pagination math', () => {
  it('defaults first to 25 and after to 0', () => {
    assert.deepEqual(pageRequest({}), { limit: DEFAULT_PAGE_SIZE, offset: 0 })
  })
  it('caps first at 100', () => {
    assert.deepEqual(pageRequest({ first: 1000, after: 7 }), { limit: MAX_PAGE_SIZE, offset: 7 })
  })
  it('computes end_cursor and has_next_page', () => {
    assert.deepEqual(toPage([1, 2, 3], { limit: 3, offset: 10 }, 14).pagination, {
      end_cursor: 13,
      has_next_page: true,
      total_count: 14,
    })
    assert.deepEqual(toPage([1], { limit: 3, offset: 13 }, 14).pagination, {
      end_cursor: 14,
      has_next_page: false,
      total_count: 14,
    })
    assert.deepEqual(toPage([], { limit: 3, offset: 50 }, 14).pagination, {
      end_cursor: 50,
      has_next_page: false,
      total_count: 14,
    })
  })
})
