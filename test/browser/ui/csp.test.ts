/**
 * Custom UI under Forge's Content-Security-Policy, in real Chromium. The sandbox serves each Custom UI page with the
 * policy Atlassian's own `@forge/csp` builds from the page and the manifest's `permissions.content` (sandbox/pages/
 * csp.ts): `style-src` without `'unsafe-inline'` unless the manifest declares it, `script-src 'self'` and the hashes
 * of the page's inline scripts. So a theme that injects an inline `<style>` fails as on a real site unless declared;
 * the app declares `permissions.content.styles: [unsafe-inline]` (Atlaskit and @atlaskit/tokens insert styles at run
 * time), and its three screens then load without a single violation.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { forgeCsp } from '../../../sandbox/pages/csp';
import { appFrame, CHROMIUM_ARGS, chromiumPath, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

describe("Forge's default Content-Security-Policy (no permissions.content)", () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  let declared: { styles?: string[] } = {};
  const PAGE = '<!doctype html><html><head><title>csp</title></head><body><p id="p">theme</p></body></html>';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-security-policy': forgeCsp(PAGE, { content: declared, external: {} }, origin),
      });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Loads the page, injects a theme's inline <style> as setGlobalTheme does, answers whether it applied. */
  async function themeApplies(): Promise<{ applied: boolean; violations: string[] }> {
    const page = await browser.newPage();
    await page.goto(origin);
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const style = document.createElement('style');
      style.textContent = '#p { color: rgb(1, 2, 3); }';
      document.head.appendChild(style);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { applied: getComputedStyle(document.getElementById('p')!).color === 'rgb(1, 2, 3)', violations };
    });
    await page.close();
    return result;
  }

  it("refuses a theme's inline <style> unless the manifest declares styles: [unsafe-inline]", async () => {
    declared = {};
    await expect(themeApplies()).resolves.toEqual({ applied: false, violations: ['style-src-elem'] });
    declared = { styles: ['unsafe-inline'] };
    await expect(themeApplies()).resolves.toEqual({ applied: true, violations: [] });
  });
});

describe("the app's screens under the policy its manifest asks for", () => {
  it('load without a violation, with inline styles allowed and scripts from the app only', async () => {
    const key = await session.createRequest(USERS.customer, 'Under the CSP');
    const agent = await session.open(USERS.agent, `/browse/${key}`);
    await appFrame(agent, 'issue-panel').getByTestId('sla-state').waitFor({ timeout: 30_000 });
    const header = await (
      await fetch(`${session.url}/static/issue-panel/index.html`)
    ).headers.get('content-security-policy');
    const directive = (name: string) => header?.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('style-src')).toContain("'unsafe-inline'");
    expect(directive('script-src')).not.toContain("'unsafe-inline'");
    expect(directive('script-src')).toMatch(/^script-src 'self' /);
    await agent.context().close();
    const portal = await session.open(USERS.customer, `/portal/${key}`);
    await appFrame(portal, 'portal').locator('body').waitFor({ timeout: 30_000 });
    await portal.waitForTimeout(1_000);
    await portal.context().close();
    const admin = await session.open(USERS.admin, '/admin');
    await appFrame(admin, 'admin-page').locator('body').waitFor({ timeout: 30_000 });
    await admin.waitForTimeout(1_000);
    await admin.context().close();
    await expect(session.control('GET', '/_sandbox/csp-reports')).resolves.toEqual([]);
  }, 120_000);
});
