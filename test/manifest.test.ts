import { FullValidationProcessor, ProductTriggerValidationProcessor } from '@forge/manifest';
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import * as index from '../src/index';
import { FORGE_LIMITS } from '../src/jira/time-budget';
import { LEASE_MS } from '../src/store/ledger';
import { FORGE_TIME_LIMITS_MS, functionTimeLimitMs, loadManifest } from '../sandbox/runtime/manifest';

const MANIFEST = 'manifest.yml';

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation', async () => {
    const result = await new FullValidationProcessor({}).process(MANIFEST);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('passes the product-trigger scope validation', async () => {
    const result = await new ProductTriggerValidationProcessor().process(MANIFEST);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  const manifest = parse(readFileSync(MANIFEST, 'utf8'));

  it('points every function at a handler that src/index.ts exports', () => {
    const handlers: string[] = manifest.modules.function.map((f: { handler: string }) => f.handler);
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) {
      const [file, name] = handler.split('.');
      expect(file).toBe('index');
      expect(typeof (index as Record<string, unknown>)[name!]).toBe('function');
    }
  });

  it('declares the modules the design calls for, on nodejs22.x, ignoring its own events', () => {
    const m = manifest.modules;
    const events = m.trigger.flatMap((t: { events: string[] }) => t.events).sort();
    expect(events).toEqual(['avi:jira:commented:issue', 'avi:jira:created:issue', 'avi:jira:updated:issue']);
    for (const t of m.trigger) expect(t.filter.ignoreSelf).toBe(true);
    expect(m.scheduledTrigger[0].interval).toBe('hour');
    for (const key of [
      'consumer',
      'jira:issueContext',
      'jiraServiceManagement:portalRequestDetailPanel',
      'jiraServiceManagement:portalRequestViewAction',
      'jira:adminPage',
      'jiraServiceManagement:queuePage',
      'jira:projectPage',
      'jira:entityProperty',
    ]) {
      expect(m[key]?.length).toBeGreaterThan(0);
    }
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(manifest.translations.resources.map((r: { key: string }) => r.key).sort()).toEqual(['en-US', 'fr-FR']);
  });

  // https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-issue-context/: a collapsible
  // panel in the issue view's context area, where JSM shows its own SLAs; "Display conditions"
  // (https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/) keep it to service projects.
  it("shows the agent's SLA in the issue context area, only on requests of service projects", () => {
    expect(manifest.modules['jira:issuePanel']).toBeUndefined();
    const [context] = manifest.modules['jira:issueContext'];
    expect(context).toMatchObject({ key: 'sla-panel', resource: 'issue-panel', label: { i18n: 'issuePanel.label' } });
    expect(context.displayConditions).toEqual({ projectType: 'service_desk' });
  });

  // "Access to Forge apps for unlicensed users" and the portal modules' pages: they support `customer` and
  // `unlicensed` (JSM portal users), not `anonymous`; without the list, Forge runs them for licensed users only.
  it('lets portal-only customers and unlicensed accounts run the portal modules, and nothing else', () => {
    for (const type of [
      'jiraServiceManagement:portalRequestDetailPanel',
      'jiraServiceManagement:portalRequestViewAction',
    ]) {
      for (const module of manifest.modules[type])
        expect(module.unlicensedAccess.sort()).toEqual(['customer', 'unlicensed']);
    }
    const others = Object.entries(manifest.modules)
      .filter(([type]) => !type.startsWith('jiraServiceManagement:'))
      .flatMap(([, modules]) => modules as Array<{ unlicensedAccess?: unknown }>);
    expect(others.filter((m) => m.unlicensedAccess !== undefined)).toEqual([]);
  });

  it('opens the admin page from Manage apps > Configure (useAsConfig)', () => {
    expect(manifest.modules['jira:adminPage'][0].useAsConfig).toBe(true);
  });

  // "Invocation limits" (https://developer.atlassian.com/platform/forge/limits-invocation): 25 s for triggers and
  // resolvers; consumers and scheduled triggers 55 s unless timeoutSeconds says more, at most 900.
  it("declares the sweep's and the consumer's time limits, and the app's budgets agree with Forge's limits", () => {
    const read = loadManifest(MANIFEST);
    expect(functionTimeLimitMs(read, 'consume-work')).toBe(900_000);
    expect(functionTimeLimitMs(read, 'sweep-reminders')).toBe(300_000);
    for (const f of ['on-request-created', 'issue-panel-resolver', 'portal-resolver', 'admin-resolver'])
      expect(functionTimeLimitMs(read, f)).toBe(25_000);
    expect(FORGE_LIMITS).toEqual({
      interactiveMs: FORGE_TIME_LIMITS_MS.interactive,
      defaultAsyncMs: FORGE_TIME_LIMITS_MS.defaultAsync,
      maxAsyncMs: FORGE_TIME_LIMITS_MS.maxAsync,
    });
    // A ledger claim outlives any invocation that could still hold it.
    const longest = Math.max(...[...read.functions.keys()].map((f) => functionTimeLimitMs(read, f)));
    expect(LEASE_MS).toBeGreaterThan(longest);
  });

  // Forge serves Custom UI with a CSP whose style-src allows inline styles only when declared; 'unsafe-inline' is
  // the one style addition Forge accepts (@forge/csp). Atlaskit and the theme need it; scripts stay 'self'.
  it('declares inline styles for Custom UI, and nothing else in its content security policy', () => {
    expect(manifest.permissions.content).toEqual({ styles: ['unsafe-inline'] });
  });

  it('asks for no egress and no admin scope', () => {
    expect(manifest.permissions.external).toBeUndefined();
    expect(manifest.permissions.scopes).not.toContain('manage:jira-configuration');
  });

  it('has the same translation keys in English and French', () => {
    const keys = (file: string) => flatKeys(JSON.parse(readFileSync(file, 'utf8'))).sort();
    expect(keys('locales/fr-FR.json')).toEqual(keys('locales/en-US.json'));
  });
});

function flatKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
