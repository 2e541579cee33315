/**
 * A colleague of the reporter, in the organization the request is shared with, on the portal in headless Chromium:
 * JSM shows them the request (a customer sees their organization's requests), so they may escalate it from the
 * portal as the reporter may (DESIGN.md section 1, "Whoever the portal shows the request to may escalate it"); the
 * reporter then reads who did, by name; a customer of another organization is shown neither the request nor the
 * action; nobody on the portal reads the desk's internal role ("Cloud/Support offer manager"). French (Marc, Acme)
 * light at 700 px, English (Hiro, Globex) dark at 360 px.
 *
 * Who sees a shared request is the site's (GET /rest/servicedeskapi/request/{key} as the colleague answers 200, as
 * JSM shows an organization's requests to its members); who may escalate is the app's rule, and the same answers over
 * HTTP are pinned in test/e2e/rules/rules.e2e.test.ts and, per caller, in test/security/resolvers.test.ts.
 */
import { appFrame, Session, USERS, type User } from './support/sandbox-session';

const MARC: User = { accountId: 'sandbox-customer-acme-2', email: 'marc@acme.test' } as unknown as User;
const HIRO: User = { accountId: 'sandbox-customer-globex-2', email: 'hiro@globex.test' } as unknown as User;

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

const CASES = [
  {
    lang: 'fr',
    reporter: USERS.customer,
    colleague: MARC,
    stranger: USERS.otherCustomer,
    theme: 'light',
    width: 700,
    reason: 'Motif',
    done: "Votre demande est escaladée : le responsable de l'équipe support et le responsable de votre contrat de support ont été prévenus.".replace(
      ' :',
      '\u00a0:',
    ),
    seenByReporter:
      /^Marc Lefebvre a escaladé cette demande le .*\u00a0: les responsables du support ont été prévenus\.$/,
  },
  {
    lang: 'en',
    reporter: USERS.otherCustomer,
    colleague: HIRO,
    stranger: USERS.customer,
    theme: 'dark',
    width: 360,
    reason: 'Reason',
    done: 'Your request is escalated: the head of the support team and the manager in charge of your support contract have been notified.',
    seenByReporter: /^Hiro Tanaka escalated this request on .*: the support managers were notified\.$/,
  },
] as const;

it.each(CASES)(
  'lets a colleague in the organization escalate from the portal, and the reporter reads who did ($lang, $theme, $width px)',
  async ({ reporter, colleague, stranger, theme, width, reason, done, seenByReporter }) => {
    const key = await session.createRequest(reporter, 'Shared with the whole company');
    // The stranger, of another organization, is shown nothing: no panel, no escalate action.
    const away = await session.open(stranger, `/portal/${key}`, { theme, width });
    await away.waitForLoadState('load');
    await expect(away.locator('[data-open-dialog="action-portal-escalate"]').count()).resolves.toBe(0);
    await expect(away.locator('iframe.forge').count()).resolves.toBe(0);
    await away.context().close();

    const page = await session.open(colleague, `/portal/${key}`, { theme, width });
    const panel = page.frameLocator('iframe.forge[data-context*="portal-request-panel"]');
    await panel.getByTestId('portal-sla').waitFor({ timeout: 20_000 });
    await page.locator('[data-open-dialog="action-portal-escalate"]').click();
    const dialog = appFrame(page, 'portal', '#action-portal-escalate');
    await dialog.getByTestId('escalate-form').waitFor({ timeout: 20_000 });
    // The customer reads who is told in their own terms, never the desk's internal role ("Cloud/Support offer manager").
    await expect(dialog.locator('body').innerText()).resolves.not.toMatch(
      /Cloud\/Support|offer manager|responsable de l'offre/i,
    );
    await dialog.getByLabel(reason).fill('Our whole team is blocked by it, as my colleague said.');
    await dialog.getByTestId('submit-escalation').click();
    await dialog.getByTestId('escalation-done').waitFor({ timeout: 20_000 });
    await expect(dialog.getByTestId('escalate-announcement').textContent()).resolves.toBe(done);
    await page.context().close();

    // Recorded as the colleague's escalation; the team lead is told once.
    await session.control('POST', '/_sandbox/settle');
    const outbox = await session.control<{ issueKey: string | null; to: string[]; source: string }[]>(
      'GET',
      '/_sandbox/outbox',
    );
    expect(
      outbox.filter((m) => m.source === 'app' && m.issueKey === key && m.to.includes(USERS.lead.accountId)),
    ).toHaveLength(1);
    const mine = await session.open(reporter, `/portal/${key}`, { theme, width });
    const reporterPanel = appFrame(mine, 'portal', 'section.card');
    await reporterPanel.getByTestId('portal-escalated').waitFor({ timeout: 20_000 });
    await expect(reporterPanel.getByTestId('portal-escalated').innerText()).resolves.toMatch(seenByReporter);
    await expect(reporterPanel.locator('body').innerText()).resolves.not.toMatch(
      /Cloud\/Support|offer manager|d'offre/i,
    );
    await mine.context().close();
  },
);
