import { NeedsAuthenticationError } from '@forge/api';
import { JiraError } from '../../jira/client';
import { answer, ok } from './result';

describe('answer', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('rethrows an asUser() consent error as is, so Forge asks the user to allow the app (never a 500)', async () => {
    const consent = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    await expect(answer('en', () => Promise.reject(consent))).rejects.toBe(consent);
  });

  it("keeps Jira's 403/404/400 and turns anything else into a 500", async () => {
    const fails = (error: unknown) => answer('en', () => Promise.reject(error));
    await expect(fails(new JiraError('x', 403, {}, false))).resolves.toMatchObject({ status: 403 });
    await expect(fails(new JiraError('x', 404, {}, false))).resolves.toMatchObject({ status: 404 });
    await expect(fails(new JiraError('x', 400, {}, false))).resolves.toMatchObject({ status: 400 });
    await expect(fails(new TypeError('bug'))).resolves.toMatchObject({ status: 500, code: 'failed' });
    await expect(answer('en', async () => ok(1))).resolves.toEqual({ ok: true, data: 1 });
  });
});
