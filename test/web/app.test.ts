// The web app end to end, in Chromium, against a real server on each database: make a process from a
// template, add entries, drag a card to a won status (then closed_at is set, read through the API),
// edit a cell in place, see a 422 at its field, search, make and revoke an API key, and use it at phone
// width. Every page visited is checked with axe-core, and no page may log a console error. The SQLite
// run saves the screenshots shown in the README (docs/screenshots/).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { client, type ApiClient } from '../support/client.js'
import { TEST_DATABASES } from '../support/databases.js'
import { startTestServer, type TestServer } from '../support/server.js'
// Functions passed to page.evaluate run in the page, where these exist.
declare const document: any
declare const window: any

import { PHONE, axeViolations, describeViolations, launchBrowser, openApp, type AppPage } from './support/browser.js'

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url)

async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page)
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`)
}

/** Drags `from` onto `to` with the mouse, in small steps as a hand would. */
async function dragWithMouse(page: Page, from: string, to: string): Promise<void> {
  await page.locator(to).scrollIntoViewIfNeeded()
  const source = (await page.locator(from).boundingBox())!
  const target = (await page.locator(to).boundingBox())!
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  const steps = 12
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      source.x + source.width / 2 + ((target.x + target.width / 2 - (source.x + source.width / 2)) * i) / steps,
      source.y + source.height / 2 + ((target.y + 60 - (source.y + source.height / 2)) * i) / steps,
    )
  }
  await page.mouse.up()
}

let browser: Browser
before(async () => {
  browser = await launchBrowser()
})
after(() => browser?.close())

for (const database of TEST_DATABASES) {
  describe(`${database.name}: web app`, () => {
    let server: TestServer
    let api: ApiClient
    let app: AppPage
    let listId: string
    const shots = database.name === 'sqlite'

    before(async () => {
      server = await startTestServer(database)
      api = client(server, server.workspace.key)
      await api.post('/v1/users', { name: 'Paul Atreides', email: 'paul@atreid.es' })
      for (const [name, domain] of [
        ['Atreides', 'atreid.es'],
        ['Harkonnen', 'harkonnen.gp'],
        ['Spacing Guild', 'guild.space'],
      ])
        await api.post('/v1/organizations', { name, domains: [domain] })
      await api.post('/v1/contacts', { first_name: 'Chani', last_name: 'Kynes', emails: ['chani@fremen.dune'] })
      app = await openApp(browser, server)
      app.page.setDefaultTimeout(10_000)
    })
    after(async () => {
      await app?.close()
      await server?.close()
    })

    it('creates a process from a template and adds entries', async () => {
      const { page } = app
      await page.goto('/settings')
      await page.getByLabel('Start from').selectOption('pipeline')
      await page.getByLabel('Name', { exact: true }).fill('Deals')
      await page.getByLabel('Key prefix').fill('DEAL')
      await assertAccessible(page, 'settings')
      await page.getByRole('button', { name: 'Create' }).click()
      await page.waitForURL(/\/lists\/\w+$/)
      listId = new URL(page.url()).pathname.split('/')[2]!
      assert.equal((await api.get(`/v1/lists/${listId}`)).body.name, 'Deals')

      for (const [name, value] of [
        ['Atreides', '12000'],
        ['Harkonnen', '3500'],
        ['Spacing Guild', '800'],
      ] as const) {
        await page.getByRole('button', { name: 'Add entry' }).click()
        const dialog = page.getByRole('dialog')
        await dialog.getByLabel('Organization').fill(name.slice(0, 5))
        await dialog.getByRole('button', { name, exact: true }).click()
        await dialog.getByLabel('Assignee').selectOption({ label: 'Paul Atreides' })
        await dialog.getByLabel('One-time value').fill(value)
        await dialog.getByRole('button', { name: 'Add entry' }).click()
        await dialog.waitFor({ state: 'detached' })
      }
      await page.locator('.card', { hasText: 'DEAL-3' }).waitFor()
      const entries = await api.all(`/v1/lists/${listId}/entries`)
      assert.equal(entries.length, 3)
      assert.ok(entries.every((e) => e.status === 'Qualified' && e.assignee?.email === 'paul@atreid.es'))
      assert.equal(entries.find((e) => e.key === 'DEAL-1').one_time_value_cents, 1_200_000)
    })

    it('drags a card to a won status with the mouse, and moves one with the keyboard', async () => {
      const { page } = app
      const firstColumn = page.locator('[data-status="Qualified"]')
      assert.match((await firstColumn.locator('.sums').textContent()) ?? '', /16,300/)
      await assertAccessible(page, 'board')
      await dragWithMouse(page, '.card:has-text("DEAL-1")', '[data-status="Closed Won"]')
      await page.locator('[data-status="Closed Won"] .card', { hasText: 'DEAL-1' }).waitFor()
      const dealOne = (await api.all(`/v1/lists/${listId}/entries`)).find((e) => e.key === 'DEAL-1')
      // The board moved the card at once; the server's answer follows.
      for (
        let i = 0;
        i < 50 && (await api.get(`/v1/lists/${listId}/entries/${dealOne.id}`)).body.closed_at === null;
        i++
      )
        await page.waitForTimeout(100)
      const won = (await api.get(`/v1/lists/${listId}/entries/${dealOne.id}`)).body
      assert.equal(won.status, 'Closed Won')
      assert.match(won.closed_at, /^\d{4}-\d{2}-\d{2}T/)

      // Keyboard: Space lifts, an arrow moves a column, Space drops; the drop is announced in words.
      const card = page.locator('.card', { hasText: 'DEAL-2' })
      await card.focus()
      await page.waitForFunction(() => document.activeElement?.textContent?.includes('DEAL-2'))
      await page.keyboard.press('Space')
      await page.locator('.card-dragging', { hasText: 'DEAL-2' }).waitFor()
      await page.keyboard.press('ArrowRight')
      await page.locator('.column-over[data-status="Meeting scheduled"]').waitFor()
      await page.keyboard.press('Space')
      await page.locator('[data-status="Meeting scheduled"] .card', { hasText: 'DEAL-2' }).waitFor()
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[aria-live]')].some((e: any) =>
          e.textContent?.includes('DEAL-2 Harkonnen was dropped in Meeting scheduled.'),
        ),
      )
      // The board moved the card at once; the server's answer follows.
      const statusOf = async (key: string) =>
        (await api.all(`/v1/lists/${listId}/entries`)).find((e) => e.key === key).status
      for (let i = 0; i < 50 && (await statusOf('DEAL-2')) !== 'Meeting scheduled'; i++) await page.waitForTimeout(100)
      assert.equal(await statusOf('DEAL-2'), 'Meeting scheduled')

      // A move the server refuses (the entry was deleted meanwhile) is undone, and says why.
      const org = (await api.post('/v1/organizations', { name: 'Ixians' })).body
      const doomed = (
        await api.post(`/v1/lists/${listId}/entries`, {
          entryable_type: 'Organization',
          entryable_id: org.id,
          status: 'Qualified',
          one_time_value_cents: 0,
          recurring_value_cents: 0,
          recurring_value_period: 'annual',
        })
      ).body
      await page.reload()
      await page.locator('[data-status="Qualified"] .card', { hasText: doomed.key }).waitFor()
      assert.equal((await api.delete(`/v1/lists/${listId}/entries/${doomed.id}`)).status, 204)
      await dragWithMouse(page, `.card:has-text("${doomed.key}")`, '[data-status="Closing"]')
      await page.getByRole('alert').filter({ hasText: 'The card went back' }).waitFor()
      await page.locator('[data-status="Qualified"] .card', { hasText: doomed.key }).waitFor()
      assert.equal(await page.locator('[data-status="Closing"] .card').count(), 0)
      await page.reload()
      await page.locator('.card', { hasText: 'DEAL-1' }).waitFor()

      await page.getByLabel('Filter cards by name or key').fill('guild')
      assert.equal(await page.locator('.card').count(), 1)
      await page.getByLabel('Filter cards by name or key').fill('')
      if (shots) await page.screenshot({ path: new URL('board.png', SCREENSHOTS).pathname })
    })

    it('opens an entry: history, a 422 at its field, notes', async () => {
      const { page } = app
      await page.locator('.card', { hasText: 'DEAL-1' }).click()
      const drawer = page.getByRole('dialog')
      await drawer.getByText('Qualified → Closed Won').waitFor()
      await drawer.getByLabel('One-time value').fill('-5')
      await drawer.getByRole('button', { name: 'Save' }).click()
      await drawer.getByText('One-time value must be >= 0').waitFor()
      assert.equal(
        await drawer.getByLabel('One-time value').getAttribute('aria-invalid'),
        'true',
        'the field says it is the one at fault',
      )
      await drawer.getByRole('button', { name: 'Discard' }).click()
      await drawer.getByLabel('New note').fill('Signed at the Landsraad')
      await drawer.getByRole('button', { name: 'Add note' }).click()
      await drawer.locator('.note-body', { hasText: 'Signed at the Landsraad' }).waitFor()
      const notes = await api.all('/v1/notes')
      assert.equal(notes[0].body, 'Signed at the Landsraad')
      await assertAccessible(page, 'entry drawer')
      if (shots) await page.screenshot({ path: new URL('entry.png', SCREENSHOTS).pathname })
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'detached' })
    })

    it('edits a cell of the table in place, and shows a refusal in the cell', async () => {
      const { page } = app
      await page.getByRole('link', { name: 'Table' }).click()
      await page.getByRole('button', { name: /^Edit One-time value of DEAL-3/ }).click()
      await page.getByRole('spinbutton', { name: 'One-time value' }).fill('950')
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: /^Edit One-time value of DEAL-3: 950/ }).waitFor()
      const dealThree = (await api.all(`/v1/lists/${listId}/entries`)).find((e) => e.key === 'DEAL-3')
      assert.equal(dealThree.one_time_value_cents, 95_000)

      await page.getByRole('button', { name: /^Edit One-time value of DEAL-3/ }).click()
      await page.getByRole('spinbutton', { name: 'One-time value' }).fill('-1')
      await page.keyboard.press('Enter')
      await page.getByRole('alert').filter({ hasText: 'must be >= 0' }).waitFor()
      await page.keyboard.press('Escape')
      const firstKey = page.locator('tbody tr[aria-rowindex="2"] td').first()
      assert.equal(await firstKey.textContent(), 'DEAL-1', 'sorted by key at first')
      await page.getByRole('button', { name: 'Key' }).click()
      await page.locator('th[aria-sort="descending"]').waitFor()
      await page.locator('tbody tr[aria-rowindex="2"] td', { hasText: 'DEAL-3' }).first().waitFor()
      await assertAccessible(page, 'table')
      if (shots) await page.screenshot({ path: new URL('table.png', SCREENSHOTS).pathname })
    })

    it('searches organizations by name and domain, and contacts by email', async () => {
      const { page } = app
      await page.getByRole('link', { name: 'Organizations' }).click()
      await page.getByLabel('Search organizations').fill('harKON')
      await page.keyboard.press('Enter')
      await page.getByText('1 found').waitFor()
      await page.getByLabel('Search organizations').fill('https://www.atreid.es')
      await page.keyboard.press('Enter')
      await page.getByRole('link', { name: 'Atreides' }).click()
      await page.getByRole('heading', { name: 'Atreides', level: 1 }).waitFor()
      await page.getByRole('link', { name: /^Deals · DEAL-1/ }).waitFor()
      await assertAccessible(page, 'organization page')
      await page.getByRole('link', { name: 'Contacts' }).click()
      await page.getByLabel('Search contacts').fill('chani@fremen.dune')
      await page.keyboard.press('Enter')
      await page.getByRole('link', { name: 'Chani Kynes' }).waitFor()
    })

    it('renames a status and adds a field in settings (merge-by-name PATCH)', async () => {
      const { page } = app
      await page.goto(`/settings/lists/${listId}`)
      await page.getByLabel('Status 2', { exact: true }).fill('Demo')
      const patched = () => page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(listId))
      // The forms are made anew from the saved list: wait for the answer before the next change.
      let saved = patched()
      await page.getByRole('button', { name: 'Save statuses' }).click()
      assert.equal((await saved).status(), 200)
      await page.getByRole('button', { name: 'Add field' }).click()
      await page.getByLabel('Field 2', { exact: true }).fill('Budget')
      await page.getByLabel('Type of Budget').selectOption('number')
      saved = patched()
      await page.getByRole('button', { name: 'Save fields' }).click()
      assert.equal((await saved).status(), 200)
      const list = (await api.get(`/v1/lists/${listId}`)).body
      assert.deepEqual(
        list.statuses.map((s: { name: string }) => s.name),
        ['Qualified', 'Demo', 'Closing', 'Closed Won', 'Closed Lost'],
      )
      assert.deepEqual(
        list.fields.map((f: { name: string; data_type: string }) => [f.name, f.data_type]),
        [
          ['Contact', 'contact'],
          ['Budget', 'number'],
        ],
      )
      const dealTwo = (await api.all(`/v1/lists/${listId}/entries`)).find((e) => e.key === 'DEAL-2')
      assert.equal(dealTwo.status, 'Demo', 'the entries in a renamed status follow it')
      await assertAccessible(page, 'list settings')
    })

    it('makes an API key, shown once, and revokes it', async () => {
      const { page } = app
      await page.goto('/settings/keys')
      await page.getByLabel('Key name').fill('Zapier')
      await page.getByRole('button', { name: 'Create key' }).click()
      const key = (await page.getByTestId('new-key').textContent())!.trim()
      assert.equal((await client(server, key).get('/v1/lists')).status, 200)
      await assertAccessible(page, 'api keys')
      page.once('dialog', (dialog) => void dialog.accept())
      await page.getByRole('button', { name: 'Revoke Zapier' }).click()
      await page.getByText(/^Revoked /).waitFor()
      assert.equal((await client(server, key).get('/v1/lists')).status, 401)
      await page.reload()
      assert.equal(await page.getByText(key).count(), 0, 'the key is never shown again')
    })

    it('works at phone width', async () => {
      const phone = await openApp(browser, server, PHONE)
      try {
        const { page } = phone
        await page.goto(`/lists/${listId}`)
        await page.locator('.card', { hasText: 'DEAL-2' }).waitFor()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`)
        await page.getByRole('button', { name: 'Menu' }).click()
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click()
        await page.getByRole('heading', { name: 'Organizations' }).waitFor()
        await assertAccessible(page, 'phone')
        assert.deepEqual(phone.errors, [])
      } finally {
        await phone.close()
      }
    })

    it('sends a browser without a session to sign-in, keeping the page it asked for', async () => {
      const stranger = await openApp(browser, server, undefined, { signedIn: false })
      try {
        const { page } = stranger
        await page.goto(`/lists/${listId}/table?entry=x1`)
        await page.waitForURL((url) => url.pathname === '/signin')
        assert.equal(new URL(page.url()).searchParams.get('next'), `/lists/${listId}/table?entry=x1`)
        await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor()
        await assertAccessible(page, 'sign in')
        // Chromium logs the 401s that sent it here; nothing else.
        assert.deepEqual(
          stranger.errors.filter((e) => !/status of 401/.test(e)),
          [],
        )
      } finally {
        await stranger.close()
      }
    })

    it('logged no console error', () => {
      // Chromium logs every 4xx answer; the 422s and the 404 this suite provoked on purpose are not
      // errors of the app.
      assert.deepEqual(
        app.errors.filter((e) => !/status of (422|404)/.test(e)),
        [],
      )
    })
  })
}
