// Browser tests drive Debian's Chromium (/usr/bin/chromium; .ci/run installs it) with playwright-core,
// against a real server from startTestServer. Each page records console errors and failed page scripts
// so a test can assert there were none, and can be checked with axe-core for accessible names.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** A running server and a key of its workspace: a TestServer, or the benchmark's server. */
export interface AppServer {
  url: string
  workspace: { id: string; key: string }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Chromium headless, without the background networking this machine's closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

export interface AppPage {
  page: Page
  context: BrowserContext
  /** Console errors and uncaught exceptions so far. */
  errors: string[]
  close(): Promise<void>
}

/**
 * A page of the app signed in as the workspace's first key. Until the sign-in backend is on main, the
 * session is a stand-in made here (test-only: the app itself has no key path): every request carries
 * the key, and GET /v1/sessions/current answers a session for it.
 */
export async function openApp(
  browser: Browser,
  server: AppServer,
  viewport: { width: number; height: number } = DESKTOP,
  options: { signedIn?: boolean } = {},
): Promise<AppPage> {
  const signedIn = options.signedIn ?? true
  const context = await browser.newContext({
    viewport,
    baseURL: server.url,
    ...(signedIn ? { extraHTTPHeaders: { authorization: `Bearer ${server.workspace.key}` } } : {}),
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  })
  if (signedIn) await signInStandIn(context, server)
  return openPage(context)
}

/** Until the sign-in backend is merged: GET /v1/sessions/current answers a session for the key. */
async function signInStandIn(context: BrowserContext, server: AppServer): Promise<void> {
  await context.route('**/v1/sessions/current', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            user: null,
            workspace: { id: server.workspace.id, name: 'Default workspace' },
            csrf_token: 'test-token',
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          }),
        })
      : route.fulfill({ status: 204 }),
  )
}

async function openPage(context: BrowserContext): Promise<AppPage> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return { page, context, errors, close: () => context.close() }
}

// Functions passed to page.evaluate run in the page, where these exist.
declare const document: any
declare const window: any

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  help: string
  nodes: Array<{ target: string[]; html: string }>
}

/**
 * axe-core's WCAG 2 A and AA rules on the page as it is. The script is evaluated through the devtools
 * protocol, which the page's CSP does not govern (a <script> tag would be refused, as it should be).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE}\n;0`)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: any }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })
    return result.violations.map((v: any) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }))
  })
}

/** A readable line per violation, for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.html}`).join('\n')}`)
    .join('\n')
}
