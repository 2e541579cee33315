/**
 * A user who has not allowed the app to act on their behalf: Forge's proxy refuses the app's `asUser()` calls for
 * them with the `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` header, which @forge/api turns into its
 * NeedsAuthenticationError (node_modules/@forge/api/out/api/fetch.js `handleProxyResponseErrors`), one of the
 * "hosted code errors" the platform handles itself (errors.js `isHostedCodeError`) by asking the user for access.
 * The sandbox's runtime models that (`runtime.setConsent`) and its invoke endpoint answers 401
 * NEEDS_AUTHENTICATION_ERR for such an error. The app must let it through: the admin page's resolvers ask Jira, as
 * the caller, whether they administer Jira, and a missing consent must reach Forge as is, never become a 500 (or a
 * "not an admin" 403).
 */
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sandbox: TestSandbox;
const ADMIN = 'sandbox-admin';
beforeAll(async () => {
  sandbox = await startTestSandbox();
}, 60_000);
afterAll(async () => sandbox?.close());

async function getConfigAs(accountId: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}/_sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sandbox_user=${accountId}` },
    body: JSON.stringify({ moduleKey: 'config-page', functionKey: 'getConfig', payload: {}, issueKey: null }),
  });
  return { status: response.status, body: await response.json() };
}

it("passes Forge's consent error through to Forge, so that the admin is asked to allow access (not a 500)", async () => {
  sandbox.runtime.setConsent(ADMIN, false);
  const refused = await getConfigAs(ADMIN);
  expect(refused).toEqual({
    status: 401,
    body: { code: 'NEEDS_AUTHENTICATION_ERR', message: expect.stringContaining('must allow the app') },
  });

  sandbox.runtime.setConsent(ADMIN, true);
  const allowed = await getConfigAs(ADMIN);
  expect(allowed.status).toBe(200);
  const result = (allowed.body as { result: ResolverResult<ConfigView> }).result;
  expect(result.ok).toBe(true);
});
