/**
 * Accessibility of every app frame, checked by axe-core (Deque's engine, the `axe-core` package) injected into
 * each Custom UI frame in headless Chromium: the agent's panel, the customer's panel and escalate dialog, and the
 * admin page, the at-risk queue and the SLA report, in French and English, light and dark, at 360 px and 700 px wide. No critical or serious violation
 * is allowed (axe's impact levels: https://github.com/dequelabs/axe-core/blob/develop/doc/issue_impact.md).
 */
import { readFileSync } from 'fs';
import type { Frame, Page } from 'playwright-core';
import { appFrame, Session, USERS, type User } from './support/sandbox-session';
import { LOOKS } from './support/looks';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let session: Session;
let request = '';
let englishRequest = '';
beforeAll(async () => {
  session = await Session.start();
  request = await session.createRequest(USERS.customer, 'Accessibility');
  englishRequest = await session.createRequest(USERS.otherCustomer, 'Accessibility in English');
  // The SLA sweep gives the demo requests their records; the search index follows a minute later: the desk's
  // pages then have rows, breaches and a chart.
  await session.moveClock({ advance: 'PT12M' });
  await session.control('POST', '/_sandbox/settle');
}, 120_000);
afterAll(async () => session?.close());

/** The frame that serves `resource` on the page, once its screen has rendered `ready`. */
async function frameOf(page: Page, resource: string, ready: string, within = ''): Promise<Frame> {
  await appFrame(page, resource as 'portal', within)
    .locator(ready)
    .first()
    .waitFor({ timeout: 20_000 });
  const frames = page.frames().filter((f) => f.url().includes(`/static/${resource}/`));
  const frame = within
    ? await (await page.locator(`${within} iframe.forge`).first().elementHandle())!.contentFrame()
    : frames[0];
  if (!frame) throw new Error(`No ${resource} frame on ${page.url()}`);
  return frame;
}

/**
 * axe-core run inside the frame (evaluated through the DevTools protocol, as a test tool runs it: the frame's
 * content security policy, which forbids inline scripts, is left as Forge sets it).
 */
async function seriousViolations(frame: Frame): Promise<Violation[]> {
  await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/** What a failure prints: the rule, its help and where. */
function summary(violations: Violation[]): string[] {
  return violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

const SCREENS: {
  name: string;
  user: User;
  path: () => string;
  resource: 'issue-panel' | 'portal' | 'admin-page' | 'at-risk-queue' | 'sla-report';
  ready: string;
  dialog?: string;
}[] = [
  {
    name: "agent's panel (fr)",
    user: USERS.agent,
    path: () => `/browse/${request}`,
    resource: 'issue-panel',
    ready: '[data-testid="sla-state"]',
  },
  {
    name: 'portal panel (fr)',
    user: USERS.customer,
    path: () => `/portal/${request}`,
    resource: 'portal',
    ready: '[data-testid="portal-sla"]',
  },
  {
    name: 'portal panel (en)',
    user: USERS.otherCustomer,
    path: () => `/portal/${englishRequest}`,
    resource: 'portal',
    ready: '[data-testid="portal-sla"]',
  },
  {
    name: 'escalate dialog (fr)',
    user: USERS.customer,
    path: () => `/portal/${request}`,
    resource: 'portal',
    ready: '[data-testid="escalate-form"]',
    dialog: '#action-portal-escalate',
  },
  {
    name: 'escalate dialog (en)',
    user: USERS.otherCustomer,
    path: () => `/portal/${englishRequest}`,
    resource: 'portal',
    ready: '[data-testid="escalate-form"]',
    dialog: '#action-portal-escalate',
  },
  {
    name: 'admin page (en)',
    user: USERS.admin,
    path: () => '/admin',
    resource: 'admin-page',
    ready: '[data-testid="setup-check"]',
  },
  {
    name: 'at-risk queue (fr)',
    user: USERS.agent,
    path: () => '/jira/servicedesk/projects/SUP/queues/apps/at-risk-queue',
    resource: 'at-risk-queue',
    ready: '[data-testid="queue-table"]',
  },
  {
    name: 'SLA report (en)',
    user: USERS.admin,
    path: () => '/jira/servicedesk/projects/SUP/apps/sla-report',
    resource: 'sla-report',
    ready: '[data-testid="report-breaches"]',
  },
];

describe.each(SCREENS)('$name', (screen) => {
  it.each(LOOKS)('has no critical or serious axe violation ($theme, $width px)', async ({ theme, width }) => {
    const page = await session.open(screen.user, screen.path(), { theme, width });
    try {
      if (screen.dialog) await page.locator(`[data-open-dialog="${screen.dialog.slice(1)}"]`).click();
      const frame = await frameOf(page, screen.resource, screen.ready, screen.dialog);
      expect(summary(await seriousViolations(frame))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

/**
 * The panels' outline, checked by axe's moderate rules on headings: each frame is a document of its own, so it has a
 * level-one heading (the panel's title, hidden: Jira and the portal show it above the frame) and its sections'
 * headings follow it without skipping a level. The agent's panel is shown with every section it can have (its
 * details opened, the waiting countdown, the escalation), the portal panel with what the team awaits.
 */
describe("the panels' headings", () => {
  const OUTLINE_RULES = ['page-has-heading-one', 'heading-order', 'empty-heading'];
  let full = '';
  beforeAll(async () => {
    full = await session.createRequest(USERS.customer, 'Every section of the panels');
    await session.moveTo(full, 'in_progress');
    await session.rest(USERS.agent, 'POST', `/rest/api/3/issue/${full}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vos journaux ?' }] }],
      },
      properties: [{ key: 'sd.public.comment', value: { internal: false } }],
    });
    await session.moveTo(full, 'waiting_for_customer');
    await session.invoke(
      USERS.customer,
      'portal-escalate',
      'escalateRequest',
      { reason: 'Bloqués depuis ce matin.' },
      full,
    );
    await session.control('POST', '/_sandbox/settle');
  }, 60_000);

  /** The portal's request panel frame (beside the escalate action's), once it shows `ready`. */
  async function portalPanelFrame(page: Page, ready: string): Promise<Frame> {
    const selector = 'iframe.forge[data-context*="portal-request-panel"]';
    await page.frameLocator(selector).locator(ready).waitFor({ timeout: 20_000 });
    return (await (await page.locator(selector).elementHandle())!.contentFrame())!;
  }

  async function outlineViolations(frame: Frame): Promise<Violation[]> {
    await frame.evaluate(AXE_SOURCE);
    return frame.evaluate(async (rules) => {
      const axe = (
        window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }
      ).axe;
      return (await axe.run(document, { runOnly: { type: 'rule', values: rules } })).violations;
    }, OUTLINE_RULES);
  }

  it.each([
    { theme: 'light', width: 360 },
    { theme: 'dark', width: 700 },
  ] as const)("has a level-one heading and no skipped level in the agent's panel ($theme, $width px)", async (look) => {
    const page = await session.open(USERS.agent, `/browse/${full}`, look);
    try {
      const frame = await frameOf(page, 'issue-panel', '[data-testid="escalation"]');
      await appFrame(page, 'issue-panel').locator('[data-testid="sla-details"] > summary').click();
      await appFrame(page, 'issue-panel').getByTestId('waiting').waitFor();
      expect(summary(await outlineViolations(frame))).toEqual([]);
      await expect(frame.locator('h1').textContent()).resolves.toBe('SLA de réponse');
    } finally {
      await page.context().close();
    }
  });

  it.each([
    { theme: 'light', width: 360, user: USERS.customer, title: 'Niveau de service de votre demande' },
    { theme: 'dark', width: 700, user: USERS.customer, title: 'Niveau de service de votre demande' },
  ] as const)('has a level-one heading and no skipped level in the portal panel ($theme, $width px)', async (look) => {
    const page = await session.open(look.user, `/portal/${full}`, look);
    try {
      const frame = await portalPanelFrame(page, '[data-testid="portal-awaited"]');
      expect(summary(await outlineViolations(frame))).toEqual([]);
      await expect(frame.locator('h1').textContent()).resolves.toBe(look.title);
    } finally {
      await page.context().close();
    }
  });

  it('has one in the English portal panel too', async () => {
    const page = await session.open(USERS.otherCustomer, `/portal/${englishRequest}`, { theme: 'light', width: 360 });
    try {
      const frame = await portalPanelFrame(page, '[data-testid="portal-sla"]');
      expect(summary(await outlineViolations(frame))).toEqual([]);
      await expect(frame.locator('h1').textContent()).resolves.toBe("Your request's service level");
    } finally {
      await page.context().close();
    }
  });
});

/**
 * The agent's panel in use: each action's form opened by its button, the pointer still on that button (its pressed
 * state hovered), and its details opened; French (an agent) and English (the admin), light and dark, 360 and 700 px.
 */
describe("the agent's panel with an action's form open", () => {
  const CASES = [
    { lang: 'fr', user: USERS.agent, theme: 'light', width: 360, action: 'action-scheduled' },
    { lang: 'fr', user: USERS.agent, theme: 'dark', width: 700, action: 'action-third-party' },
    { lang: 'en', user: USERS.admin, theme: 'light', width: 700, action: 'action-escalate' },
    { lang: 'en', user: USERS.admin, theme: 'dark', width: 360, action: 'action-consulting' },
  ] as const;
  it.each(CASES)(
    'has no critical or serious axe violation ($lang, $theme, $width px, $action)',
    async ({ user, theme, width, action }) => {
      const page = await session.open(user, `/browse/${request}`, { theme, width });
      try {
        const frame = await frameOf(page, 'issue-panel', '[data-testid="sla-row"]');
        await page.locator('iframe.forge[src*="/static/issue-panel/"]').evaluate((el, w) => {
          (el as HTMLElement).style.width = `${w}px`;
        }, width);
        await frame.locator('details summary').first().click();
        const button = frame.getByTestId(action);
        await button.click();
        // The panel marks the button open once React has rendered the form (later than the click on a busy machine).
        await frame.locator(`[data-testid="${action}"][aria-expanded="true"]`).waitFor({ timeout: 10_000 });
        await button.hover();
        expect(summary(await seriousViolations(frame))).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
  );
});

/**
 * The admin page's outline and names: its headings follow one another without skipping a level (axe's moderate
 * `heading-order`, with the other outline rules), and every `aria-labelledby` names an element that exists (a
 * section named by a missing id has no name at all), its setup check included, after a refused save.
 */
describe("the admin page's outline", () => {
  it.each([
    { theme: 'light', width: 360 },
    { theme: 'dark', width: 700 },
  ] as const)('has no skipped heading level and no dangling aria-labelledby ($theme, $width px)', async (look) => {
    const page = await session.open(USERS.admin, '/admin', look);
    try {
      const frame = await frameOf(page, 'admin-page', '[data-testid="setup-check"]');
      const admin = appFrame(page, 'admin-page');
      await admin.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus_Mons');
      await admin.getByTestId('save').click();
      await admin.getByTestId('error-bh-timeZone').waitFor({ timeout: 10_000 });
      await frame.evaluate(AXE_SOURCE);
      const outline = await frame.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }
        ).axe;
        const rules = ['page-has-heading-one', 'heading-order', 'empty-heading'];
        return (await axe.run(document, { runOnly: { type: 'rule', values: rules } })).violations;
      });
      expect(summary(outline)).toEqual([]);
      const dangling = await frame.evaluate(() =>
        Array.from(document.querySelectorAll('[aria-labelledby]')).flatMap((el) =>
          (el.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .filter((id: string) => id !== '' && !document.getElementById(id)),
        ),
      );
      expect(dangling).toEqual([]);
      await expect(
        admin.getByRole('region', { name: 'Setup check' }).getByRole('heading', { level: 2 }).innerText(),
      ).resolves.toBe('Setup check');
    } finally {
      await page.context().close();
    }
  });
});
