/**
 * The Content-Security-Policy Forge serves Custom UI with, computed by Atlassian's own `@forge/csp` ("Contains the
 * CSP configuration for Custom UI resources in Forge"): its processing service reads the app's `index.html` and the
 * manifest's `permissions.content` (`styles: [unsafe-inline]`, `scripts`) and `permissions.external`, its injection
 * service builds the policy of the production environment (`default-src 'self'`, `style-src 'self' …` with no
 * `unsafe-inline` unless the manifest declares it, `script-src 'self'` plus hashes of the page's own inline scripts,
 * `frame-ancestors`, the iframe `sandbox` flags). The one change: `report-uri` points at the sandbox
 * (`POST /_sandbox/csp-report`) instead of Atlassian's collector, so the violations are visible and nothing leaves.
 */
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';

/** What the manifest says of Custom UI content (AppManifest.content, AppManifest.external). */
export interface ContentPermissions {
  content: { styles?: string[]; scripts?: string[] };
  external: Record<string, unknown>;
}

export const CSP_REPORT_PATH = '/_sandbox/csp-report';

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined };

/**
 * The Content-Security-Policy header of a Custom UI page served from `origin`.
 * @example forgeCsp('<html>…</html>', { content: {}, external: {} }, 'http://127.0.0.1:3000') //=> "default-src 'self' …; style-src 'self' http://127.0.0.1:3000 …"
 */
export function forgeCsp(indexHtml: string, permissions: ContentPermissions, origin: string): string {
  const processing = new CSPProcessingService(quiet as never, load as never);
  const details = processing.getCspDetails(indexHtml, permissions as never);
  const directives = new CSPInjectionService().getInjectableCSP({
    existingCSPDetails: details,
    microsEnv: 'prod',
    hostname: origin,
    isFedRAMP: false,
  } as never) as string[];
  return directives.map((d) => (d.startsWith('report-uri ') ? `report-uri ${origin}${CSP_REPORT_PATH}` : d)).join('; ');
}

/** One violation the browser reported (its `csp-report` body). */
export type CspViolation = Record<string, unknown>;

/**
 * Mounts POST /_sandbox/csp-report (where Custom UI pages report violations) and GET /_sandbox/csp-reports.
 * @example const violations = registerCspReports(app); violations.length //=> 0
 */
export function registerCspReports(app: FastifyInstance): CspViolation[] {
  const violations: CspViolation[] = [];
  app.addContentTypeParser(
    ['application/csp-report', 'application/reports+json'],
    { parseAs: 'string' },
    (_r, body, done) => {
      try {
        done(null, JSON.parse(String(body)));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  app.post(CSP_REPORT_PATH, async (request, reply) => {
    const body = request.body as { 'csp-report'?: CspViolation } | CspViolation[] | undefined;
    const reports = Array.isArray(body)
      ? body.map((r) => (r.body as CspViolation) ?? r)
      : [body?.['csp-report'] ?? body];
    for (const report of reports) if (report) violations.push(report as CspViolation);
    return reply.code(204).send();
  });
  app.get('/_sandbox/csp-reports', async () => violations);
  return violations;
}
