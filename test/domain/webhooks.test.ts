// The pure rules of webhooks: the default delivery policy (a 10 s timeout, about 3 days of retries), the
// jittered schedule, the failure run, signatures, public addresses, URL forms, event filters and
// previous_attributes. No database.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { webhookPolicy } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { checkUrlForm, isPublicAddress } from '../../src/domain/webhooks/destination.js'
import { EVENT_PATTERNS, canHaveList, isEventPattern, wants } from '../../src/domain/webhooks/event-types.js'
import { previousAttributes } from '../../src/domain/webhooks/previous-attributes.js'
import { failureRunEnds, parseDuration, parseDurations, retryDelay } from '../../src/domain/webhooks/retry-policy.js'
import { newSecret, signatureHeader, verifySignature } from '../../src/domain/webhooks/signature.js'

const HOUR = 3_600_000

describe('webhook delivery policy', () => {
  it('defaults to a 10 s timeout, 8 retries over about 3 days, 100 failures over a day, 30 days of events', () => {
    const policy = webhookPolicy(loadConfig({}))
    assert.equal(policy.timeoutMs, 10_000)
    assert.deepEqual(policy.scheduleMs, [
      60_000,
      300_000,
      1_800_000,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      24 * HOUR,
      30 * HOUR,
    ])
    const total = policy.scheduleMs.reduce((a, b) => a + b, 0)
    assert.ok(total > 70 * HOUR && total < 74 * HOUR, `${total / HOUR} h`)
    assert.equal(policy.failureRun, 100)
    assert.equal(policy.failureRunSpanMs, 24 * HOUR)
    assert.equal(policy.retentionMs, 30 * 24 * HOUR)
    assert.equal(policy.allowPrivate, false)
  })

  it('reads the variables, and refuses malformed durations', () => {
    const policy = webhookPolicy(
      loadConfig({
        RAPPORT_WEBHOOK_TIMEOUT_MS: '2500',
        RAPPORT_WEBHOOK_RETRY_SCHEDULE: '500ms,1.5s,2m',
        RAPPORT_WEBHOOK_RETENTION: '7d',
        RAPPORT_WEBHOOK_ALLOW_PRIVATE: '1',
      }),
    )
    assert.deepEqual(
      [policy.timeoutMs, policy.scheduleMs, policy.retentionMs, policy.allowPrivate],
      [2500, [500, 1500, 120_000], 7 * 24 * HOUR, true],
    )
    for (const env of [
      { RAPPORT_WEBHOOK_RETRY_SCHEDULE: '1m,,5m' },
      { RAPPORT_WEBHOOK_RETRY_SCHEDULE: '10' },
      { RAPPORT_WEBHOOK_RETENTION: '30 days' },
      { RAPPORT_WEBHOOK_TIMEOUT_MS: '10' },
      { RAPPORT_WEBHOOK_ALLOW_PRIVATE: 'yes' },
    ])
      assert.throws(() => loadConfig(env), new RegExp(Object.keys(env)[0]!))
  })

  it('parses durations', () => {
    assert.equal(parseDuration('1.5s'), 1500)
    assert.equal(parseDuration('2h'), 2 * HOUR)
    assert.deepEqual(parseDurations('1m,30d'), [60_000, 30 * 24 * HOUR])
    assert.throws(() => parseDuration('5 minutes'))
  })

  it('waits each step give or take 20%, and gives up after the last', () => {
    const schedule = [1000, 60_000]
    assert.equal(
      retryDelay(schedule, 1, () => 0),
      800,
    )
    assert.equal(
      retryDelay(schedule, 1, () => 0.5),
      1000,
    )
    assert.equal(
      retryDelay(schedule, 2, () => 0.999999),
      72_000,
    )
    assert.equal(
      retryDelay(schedule, 3, () => 0.5),
      undefined,
    )
  })

  it('ends a run of failures at its length once it is old enough', () => {
    const policy = { failureRun: 3, failureRunSpanMs: HOUR }
    assert.equal(failureRunEnds(policy, 2, 0, 2 * HOUR), false)
    assert.equal(failureRunEnds(policy, 3, 0, HOUR - 1), false, 'a burst of failures is not enough')
    assert.equal(failureRunEnds(policy, 3, 0, HOUR), true)
  })
})

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 and verifies within the tolerance only', () => {
    const secret = newSecret()
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/)
    assert.notEqual(newSecret(), secret)
    const body = '{"id":"Ev1","type":"ping"}'
    const header = signatureHeader(secret, 1_745_967_154, body)
    assert.match(header, /^t=1745967154,v1=[0-9a-f]{64}$/)
    assert.equal(verifySignature(secret, header, body, 1_745_967_154 + 299), true)
    assert.equal(verifySignature(secret, header, body, 1_745_967_154 + 301), false)
    assert.equal(verifySignature(secret, header, `${body} `, 1_745_967_154), false)
    assert.equal(verifySignature(`${secret}x`, header, body, 1_745_967_154), false)
    assert.equal(verifySignature(secret, header.replace('t=1745967154', 't=1745967155'), body, 1_745_967_154), false)
    assert.equal(verifySignature(secret, 'v1=00', body, 1_745_967_154), false)
  })

  it('is the Stripe scheme: a known vector', async () => {
    const { createHmac } = await import('node:crypto')
    const expected = createHmac('sha256', 'whsec_test').update('42.{}').digest('hex')
    assert.equal(signatureHeader('whsec_test', 42, '{}'), `t=42,v1=${expected}`)
  })
})

describe('webhook destinations', () => {
  it('takes public unicast addresses only', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111'])
      assert.equal(isPublicAddress(address), true, address)
    for (const address of [
      '127.0.0.1',
      '::1',
      '10.0.0.1',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      'fe80::1',
      'fd00:ec2::254',
      '100.64.0.1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '255.255.255.255',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'localhost',
    ])
      assert.equal(isPublicAddress(address), false, address)
  })

  it('checks the form of a URL', () => {
    assert.equal(checkUrlForm('https://example.com/hook?x=1').ok, true)
    const problems = [
      'ftp://example.com',
      'javascript:alert(1)',
      'http://a:b@example.com',
      'http://user@example.com',
      '/relative',
      `https://example.com/${'a'.repeat(2000)}`,
    ]
    for (const url of problems) assert.equal(checkUrlForm(url).ok, false, url)
  })
})

describe('webhook event filters', () => {
  it('knows every event name and wildcard', () => {
    assert.ok(EVENT_PATTERNS.includes('entry.status_changed'))
    for (const pattern of ['*', 'entry.*', 'list.*', 'contact.*', 'organization.*', 'note.*', 'custom_field.*'])
      assert.equal(isEventPattern(pattern), true, pattern)
    for (const pattern of ['entries.*', 'contact.merged', '', '**', 'contact'])
      assert.equal(isEventPattern(pattern), false, pattern)
  })

  it('matches names, wildcards and the list filter', () => {
    assert.equal(wants({ events: ['contact.*'], listId: null }, 'contact.updated', null), true)
    assert.equal(wants({ events: ['contact.created'], listId: null }, 'contact.updated', null), false)
    assert.equal(wants({ events: ['*'], listId: null }, 'entry.deleted', 'L1'), true)
    assert.equal(wants({ events: ['entry.*'], listId: 'L1' }, 'entry.created', 'L1'), true)
    assert.equal(wants({ events: ['entry.*'], listId: 'L1' }, 'entry.created', 'L2'), false)
    assert.equal(wants({ events: ['*'], listId: 'L1' }, 'contact.created', null), false)
    assert.equal(canHaveList('list.updated'), true)
    assert.equal(canHaveList('note.*'), false)
  })

  it('gives previous_attributes as the changed keys with their old values', () => {
    assert.deepEqual(
      previousAttributes(
        { name: 'A', emails: ['a@x'], custom_fields: { f: { value: 1 } }, title: null },
        { name: 'B', emails: ['a@x'], custom_fields: { f: { value: 2 } }, title: null },
      ),
      { name: 'A', custom_fields: { f: { value: 1 } } },
    )
    assert.deepEqual(previousAttributes(null, { a: 1 }), {})
  })
})
