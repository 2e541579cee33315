/**
 * Takes the screenshots of the README's "Screens" section from the sandbox, in headless Chromium:
 * `npx tsx test/browser/ui/screenshots.ts` writes docs/screenshots/*.png (French; light, and the agent panel dark;
 * the agent panel's details opened, and the panel at 360 px; the at-risk queue and the SLA report on the demo
 * data half a day on); `--admin` takes the admin page's alone, `--desk` the desk pages' alone.
 * The admin page is in English: the seeded admin's Jira locale is en_US, and the admin page speaks the language the
 * server reads from the admin's Jira profile (GET /rest/api/3/myself), whatever the page's Forge context says.
 *
 * The agent panel also in English (the admin, en_US): its compact row at risk, light and dark, and the worked
 * request's row; and the details of a request raised on a Friday, its week-end off-hours on the timeline.
 */
import { join } from 'path';
import type { Page } from 'playwright-core';
import { nextMondayMorning, Session, USERS } from './support/sandbox-session';

const OUT = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

async function shoot(page: Page, selector: string, file: string, ready: string): Promise<void> {
  const frame = page.frameLocator(`${selector} iframe.forge`);
  await frame.getByTestId(ready).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1200); // the frame follows its content's height
  await page.locator(selector).screenshot({ path: join(OUT, file) });
  console.log(`docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  const session = await Session.start();
  const deskOnly = process.argv.includes('--desk');
  const adminOnly = process.argv.includes('--admin');
  try {
    if (adminOnly) return await adminScreen(session);
    if (!deskOnly) await screens(session);
    await desk(session);
  } finally {
    await session.close();
  }
}

/** The agent's panel, the portal's panel and escalate dialog, the admin page. */
async function screens(session: Session): Promise<void> {
  {
    const monday = Date.parse(nextMondayMorning(await session.now()));
    // A request raised on a Friday at 16:30 UTC (17:30 in Paris): its week-end is off-hours on the timeline.
    await session.moveClock({ to: new Date(monday + 4 * 86_400_000 + 8.5 * 3_600_000).toISOString() });
    const weekend = await session.createRequest(USERS.customer, 'Erreur 500 sur la page de connexion');
    await session.moveClock({ to: new Date(monday + 7 * 86_400_000).toISOString() });
    // An agent's request: answered, sent to a third party, back in progress, escalated by its customer.
    const worked = await session.createRequest(USERS.customer, "L'automatisation ne se déclenche plus");
    await session.moveClock({ advance: 'PT1H' });
    await session.moveTo(worked, 'waiting_for_third_party');
    await session.moveClock({ advance: 'PT30M' });
    // Three hours before the screenshots: at risk (75 % of its 4-hour goal) when they are taken.
    const atRisk = await session.createRequest(USERS.otherCustomer, 'Webhooks delayed since this morning');
    await session.moveClock({ advance: 'PT1H30M' });
    await session.moveTo(worked, 'in_progress');
    await session.moveClock({ advance: 'PT1H30M' });
    await session.invoke(
      USERS.customer,
      'portal-escalate',
      'escalateRequest',
      { lang: 'fr', reason: 'Nos équipes sont bloquées depuis ce matin.' },
      worked,
    );
    await session.control('POST', '/_sandbox/settle');
    // A customer's request waiting for them.
    const waiting = await session.createRequest(USERS.customer, 'Export CSV incomplet');
    await session.moveTo(waiting, 'in_progress');
    await session.rest(USERS.agent, 'POST', `/rest/api/3/issue/${waiting}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Pouvez-vous nous envoyer le filtre utilisé et un exemple de fichier exporté ?' },
            ],
          },
        ],
      },
      properties: [{ key: 'sd.public.comment', value: { internal: false } }],
    });
    await session.moveTo(waiting, 'waiting_for_customer');

    const card = '.card:has(iframe.forge[src*="/static/issue-panel/"])';
    for (const theme of ['light', 'dark'] as const) {
      const page = await session.open(USERS.agent, `/browse/${worked}`, { theme, width: 1280, height: 1400 });
      // The compact row, as JSM shows an SLA, its details closed.
      await shoot(page, card, `issue-panel.fr.${theme}.png`, 'sla-state');
      if (theme === 'light') {
        // Its details opened: figures, breach instant, calendar and timeline.
        await page.frameLocator(`${card} iframe.forge`).locator('[data-testid="sla-details"] > summary').click();
        await shoot(page, card, 'issue-panel-details.fr.light.png', 'sla-elapsed');
        await page.frameLocator(`${card} iframe.forge`).locator('[data-testid="sla-details"] > summary').click();
        // The panel at 360 px, the narrowest Jira gives it.
        const frame = page.locator('iframe.forge[src*="/static/issue-panel/"]');
        await frame.evaluate((el) => ((el as HTMLElement).style.width = '360px'));
        await page.waitForTimeout(1200);
        await frame.screenshot({ path: join(OUT, 'issue-panel.fr.light.360.png') });
        console.log('docs/screenshots/issue-panel.fr.light.360.png');
      }
      await page.context().close();
    }
    // The compact row of a request at risk, in French (agent1) and English (the admin, en_US).
    for (const [user, lang, theme] of [
      [USERS.agent, 'fr', 'light'],
      [USERS.admin, 'en', 'light'],
      [USERS.admin, 'en', 'dark'],
    ] as const) {
      const page = await session.open(user, `/browse/${atRisk}`, { theme, width: 1280, height: 1000 });
      await shoot(page, card, `issue-panel-at-risk.${lang}.${theme}.png`, 'sla-state');
      await page.context().close();
    }
    // The English compact row of the worked request.
    {
      const page = await session.open(USERS.admin, `/browse/${worked}`, { width: 1280, height: 1400 });
      await shoot(page, card, 'issue-panel.en.light.png', 'sla-state');
      await page.context().close();
    }
    // The details of the Friday request: its week-end off-hours on the timeline.
    {
      const page = await session.open(USERS.agent, `/browse/${weekend}`, { width: 1280, height: 1400 });
      await page.frameLocator(`${card} iframe.forge`).getByTestId('sla-state').waitFor({ timeout: 20_000 });
      await page.frameLocator(`${card} iframe.forge`).locator('[data-testid="sla-details"] > summary').click();
      await shoot(page, card, 'issue-panel-off-hours.fr.light.png', 'timeline');
      await page.context().close();
    }
    const portal = await session.open(USERS.customer, `/portal/${waiting}`, { width: 1280, height: 1000 });
    await shoot(
      portal,
      'section.card:has(iframe.forge[src*="/static/portal/"]):not(:has(dialog))',
      'portal-panel.fr.light.png',
      'portal-status',
    );
    await portal.locator('[data-open-dialog="action-portal-escalate"]').click();
    await shoot(portal, '#action-portal-escalate', 'portal-escalate.fr.light.png', 'escalate-form');
    await portal.context().close();
  }
  await adminScreen(session);
}

/** The admin page, in the seeded admin's language, English (`--admin`: this alone). */
async function adminScreen(session: Session): Promise<void> {
  const adminPage = await session.open(USERS.admin, '/admin', { width: 1280, height: 1000 });
  await shoot(
    adminPage,
    'section.card:has(iframe.forge[src*="/static/admin-page/"])',
    'admin-page.en.light.png',
    'setup-check',
  );
  await adminPage.context().close();
}

/** The at-risk queue and the SLA report (`--desk`: these alone). */
async function desk(session: Session): Promise<void> {
  {
    // A few requests answered within their goal, so that the report has met ones beside the demo data's.
    for (const [who, summary] of [
      [USERS.customer, 'Accès VPN pour un nouvel arrivant'],
      [USERS.otherCustomer, 'Webhook deliveries delayed'],
      [USERS.customer, 'Mise à jour du contrat de maintenance'],
    ] as const) {
      const key = await session.createRequest(who, summary);
      await session.moveClock({ advance: 'PT40M' });
      await session.moveTo(key, 'waiting_for_customer');
    }
    // The desk's pages half a day later, when open SLAs are at risk or breached (the search index a minute behind).
    await session.moveClock({ advance: 'PT12H' });
    await session.moveClock({ advance: 'PT2M' });
    await session.control('POST', '/_sandbox/settle');
    for (const [path, resource, file, ready, height] of [
      [
        '/jira/servicedesk/projects/SUP/queues/apps/at-risk-queue',
        'at-risk-queue',
        'at-risk-queue.fr.light.png',
        'queue-table',
        1200,
      ],
      [
        '/jira/servicedesk/projects/SUP/apps/sla-report',
        'sla-report',
        'sla-report.fr.light.png',
        'report-figures',
        2400,
      ],
    ] as const) {
      const page = await session.open(USERS.agent, path, { width: 1280, height });
      await shoot(page, `section.card:has(iframe.forge[src*="/static/${resource}/"])`, file, ready);
      await page.context().close();
    }
  }
}

void main();
