/**
 * What the browser tests of the screens need around the sandbox (test/support/sandbox.ts, the one harness):
 * the seeded users by role, a headless Chromium, a page opened as a given account (the pages' `sandbox_user`
 * cookie), and the shortcuts the screens' stories use.
 */
import { existsSync } from 'fs';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { statusResolver, type CanonicalStatus } from '../../../../src/domain/workflow';
import type { RateLimitOptions } from '../../../../sandbox/runtime/rate-limits';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';

export const USERS = {
  agent: { accountId: 'sandbox-agent-1', email: 'agent1@sandbox.test' },
  customer: { accountId: 'sandbox-customer-acme-1', email: 'claire@acme.test' },
  otherCustomer: { accountId: 'sandbox-customer-globex-1', email: 'gwen@globex.test' },
  admin: { accountId: 'sandbox-admin', email: 'admin@sandbox.test' },
  lead: { accountId: 'sandbox-team-lead', email: 'lead@sandbox.test' },
} as const;

export type User = (typeof USERS)[keyof typeof USERS];

/** Headless Chromium with no network of its own beyond the sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

export class Session {
  private constructor(
    readonly sandbox: TestSandbox,
    readonly browser: Browser,
  ) {}

  /** A fresh sandbox (licensed unless asked; Jira's rate limits on when given) and a headless Chromium. */
  static async start(opts: { unlicensed?: boolean; rateLimits?: RateLimitOptions } = {}): Promise<Session> {
    const sandbox = await startTestSandbox({ unlicensed: opts.unlicensed, rateLimits: opts.rateLimits });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    return new Session(sandbox, browser);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.sandbox.close();
  }

  get url(): string {
    return this.sandbox.url;
  }

  /** A call to the sandbox's control surface (/_sandbox/...). */
  control<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    return this.sandbox.ok<T>(null, method, path, body);
  }

  /** A REST call as a seeded user. */
  rest<T>(user: User, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    return this.sandbox.ok<T>(user.email, method, path, body);
  }

  /** Calls a module's resolver as its Custom UI would, as `user`; answers the resolver's result. */
  async invoke<T>(
    user: User,
    moduleKey: string,
    functionKey: string,
    payload: unknown = {},
    issueKey?: string,
  ): Promise<T> {
    const answer = await this.sandbox.invoke<{ result: T }>(user.accountId, {
      moduleKey,
      functionKey,
      payload,
      issueKey: issueKey ?? null,
    });
    return answer.result;
  }

  async now(): Promise<number> {
    return Date.parse((await this.control<{ now: string }>('GET', '/_sandbox/clock')).now);
  }

  async moveClock(to: { advance: string } | { to: string }): Promise<void> {
    await this.control('POST', '/_sandbox/clock', to);
  }

  /** A request created as the portal does, by `reporter`. */
  async createRequest(reporter: User, summary: string): Promise<string> {
    const issueKey = await this.sandbox.portalRequest(reporter, summary, `${summary} (browser test)`);
    await this.sandbox.settle();
    return issueKey;
  }

  /** Moves a request, as an agent, into the site status that maps onto `to`. */
  async moveTo(issueKey: string, to: CanonicalStatus, resolution?: string): Promise<void> {
    const resolve = statusResolver({ byId: {}, byName: {} });
    const { transitions } = await this.rest<{ transitions: { id: string; to?: { id?: string; name?: string } }[] }>(
      USERS.agent,
      'GET',
      `/rest/api/3/issue/${issueKey}/transitions`,
    );
    const transition = transitions.find((t) => t.to && resolve(t.to) === to);
    if (!transition) throw new Error(`${issueKey}: no transition to ${to}`);
    await this.rest(USERS.agent, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, {
      transition: { id: transition.id },
      ...(resolution ? { fields: { resolution: { name: resolution } } } : {}),
    });
    await this.control('POST', '/_sandbox/settle');
  }

  /** A page of the sandbox opened as `user` (light theme unless asked). */
  async open(
    user: User,
    path: string,
    opts: { theme?: 'light' | 'dark'; width?: number; height?: number } = {},
  ): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    });
    await context.addCookies([{ name: 'sandbox_user', value: user.accountId, url: this.url }]);
    const page = await context.newPage();
    const sep = path.includes('?') ? '&' : '?';
    await page.goto(`${this.url}${path}${opts.theme === 'dark' ? `${sep}theme=dark` : ''}`);
    return page;
  }
}

/** The Custom UI frame of a resource on a page (the first one whose src points into static/<resource>/). */
export function appFrame(
  page: Page,
  resource: 'issue-panel' | 'portal' | 'admin-page' | 'at-risk-queue' | 'sla-report',
  within = '',
): FrameLocator {
  return page.frameLocator(`${within} iframe.forge[src*="/static/${resource}/"]`.trim());
}

/**
 * Waits until an input (in any frame) holds `value`: the screen fills it once its resolver has answered.
 * Chromium tells the wait each animation frame; no fixed delay.
 */
export async function untilValue(input: Locator, value: string, timeout = 10_000): Promise<void> {
  const handle = await input.elementHandle({ timeout });
  const frame = await handle!.ownerFrame();
  await frame!.waitForFunction(
    ([el, expected]) => (el as HTMLInputElement).value === expected,
    [handle, value] as const,
    {
      timeout,
    },
  );
}

/**
 * Waits until the page and every frame in it have loaded, images included (a failed image has fired its `error`
 * by then): what a hostile markup could run has run.
 */
export async function untilLoaded(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  for (const frame of page.frames()) await frame.waitForLoadState('load');
}

/**
 * The next Monday at 08:00 UTC strictly after `nowMs` (09:00 or 10:00 in Paris: inside the default business hours).
 * @example nextMondayMorning(Date.parse('2026-11-28T04:00:00Z')) //=> '2026-11-30T08:00:00.000Z'
 */
export function nextMondayMorning(nowMs: number): string {
  const d = new Date(nowMs);
  d.setUTCHours(8, 0, 0, 0);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 1);
  return d.toISOString();
}
