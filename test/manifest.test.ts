import { FullValidationProcessor, ProductTriggerValidationProcessor } from '@forge/manifest';
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import * as index from '../src/index';

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
      'jira:issuePanel',
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
