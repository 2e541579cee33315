// The admin page's contact pickers on the sandbox: findPeople searches Jira as the admin (people: Atlassian
// accounts only; groups by name), names the accounts already chosen, and refuses a malformed search plainly.
import { uiContext } from '../../../sandbox/pages/ui-context';
import { ADMIN, type FoundPeople, type ResolverResult } from '../../../src/shared/contracts';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

const ADMIN_ID = 'sandbox-admin';
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

async function find(payload: unknown, accountId = ADMIN_ID): Promise<ResolverResult<FoundPeople>> {
  const context = uiContext(
    sandbox.runtime.uiModule('config-page'),
    { accountId, locale: 'en_US', timeZone: 'Europe/Paris' },
    undefined,
    'light',
    sandbox.url,
  );
  return (await sandbox.runtime.invokeResolver({
    moduleKey: 'config-page',
    functionKey: ADMIN.findPeople,
    payload,
    context,
    accountId,
  })) as ResolverResult<FoundPeople>;
}

const options = (answer: ResolverResult<FoundPeople>) => (answer.ok ? answer.data.options : `refused: ${answer.code}`);

it('finds people by name or email, with their email as a detail, and never a portal customer', async () => {
  expect(options(await find({ lang: 'en', kind: 'user', query: 'Léa' }))).toEqual([
    { id: 'sandbox-team-lead', label: 'Léa Lead', detail: 'lead@sandbox.test' },
  ]);
  // Claire Dupont is a portal customer: she cannot be an escalation contact.
  expect(options(await find({ lang: 'en', kind: 'user', query: 'claire' }))).toEqual([]);
});

it('names the accounts already chosen, without their email, and drops an unknown one', async () => {
  expect(options(await find({ lang: 'fr', kind: 'user', ids: ['sandbox-offer-manager', 'nobody-here'] }))).toEqual([
    { id: 'sandbox-offer-manager', label: 'Olivier Offre' },
  ]);
});

it('finds groups by name', async () => {
  expect(options(await find({ lang: 'en', kind: 'group', query: 'team' }))).toEqual([
    { id: 'support-team', label: 'support-team' },
  ]);
});

it.each([
  ['no kind', { query: 'lea' }],
  ['an unknown kind', { kind: 'team', query: 'lea' }],
  ['neither query nor ids', { kind: 'user' }],
  ['both query and ids', { kind: 'user', query: 'lea', ids: ['sandbox-team-lead'] }],
  ['a blank query', { kind: 'user', query: '   ' }],
  ['an over-long query', { kind: 'user', query: 'x'.repeat(101) }],
  ['a forged id', { kind: 'user', ids: ['../../rest/api/3/myself'] }],
  ['too many ids', { kind: 'user', ids: Array.from({ length: 11 }, (_, i) => `id-${i}`) }],
  ['ids for groups', { kind: 'group', ids: ['support-team'] }],
])('refuses %s with a 400 that says what a search is', async (_case, search) => {
  const answer = await find({ lang: 'en', ...search });
  expect(answer).toMatchObject({ ok: false, status: 400, code: 'invalid_search' });
  expect(answer.ok ? '' : answer.message).toMatch(/kind "user" or "group"/);
});

it('answers an agent 403: only Jira admins choose the contacts', async () => {
  expect(await find({ lang: 'en', kind: 'user', query: 'lea' }, 'sandbox-agent-1')).toMatchObject({
    ok: false,
    status: 403,
  });
});
