/**
 * An unlicensed app (the sandbox started with --unlicensed) says so plainly on each of its three screens, in the
 * viewer's language, with nothing else to try: no figures, no retry button.
 */
import { appFrame, Session, USERS, type User } from './support/sandbox-session';

let session: Session;
let key: string;
beforeAll(async () => {
  session = await Session.start({ unlicensed: true });
  key = await session.createRequest(USERS.customer, 'Unlicensed site');
}, 120_000);
afterAll(async () => session?.close());

it.each([
  ['agent issue panel', USERS.agent, () => `/browse/${key}`, 'issue-panel'],
  ['customer portal panel', USERS.customer, () => `/portal/${key}`, 'portal'],
  ['admin page', USERS.admin, () => '/admin', 'admin-page'],
] as Array<[string, User, () => string, 'issue-panel' | 'portal' | 'admin-page']>)(
  'says the app is unlicensed on the %s',
  async (_screen, user, path, resource) => {
    const page = await session.open(user, path());
    const failure = appFrame(page, resource).getByTestId('failure').first();
    await failure.waitFor({ timeout: 20_000 });
    await expect(failure.getAttribute('data-code')).resolves.toBe('unlicensed');
    await expect(failure.innerText()).resolves.toMatch(/Support Rules (is not licensed|n'a pas de licence active)/);
    await expect(failure.getByRole('button').count()).resolves.toBe(0);
    await page.context().close();
  },
);
