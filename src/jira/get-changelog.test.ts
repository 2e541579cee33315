// Adapter test: @forge/api is replaced by a scripted fake, the only place a mock stands in for Jira.
import { getChangelog } from './get-changelog';
import { getIssueWithChangelog } from './get-issue-with-changelog';
import { setRetryPolicy } from './client';

const paths: string[] = [];
let pages: unknown[] = [];

jest.mock('@forge/api', () => {
  const actual = jest.requireActual('@forge/api');
  const requestJira = (path: { value: string }) => {
    paths.push(path.value);
    const body = pages.shift();
    if (body === undefined) throw new Error('unexpected call');
    return Promise.resolve({
      ok: true,
      status: 200,
      headers: new Headers(),
      text: () => Promise.resolve(JSON.stringify(body)),
    });
  };
  return { ...actual, __esModule: true, default: { asApp: () => ({ requestJira }), asUser: () => ({ requestJira }) } };
});

const history = (id: number) => ({ id: String(id), created: '2024-03-04T09:00:00.000+0100', items: [] });
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => history(from + i));

beforeEach(() => {
  paths.length = 0;
  pages = [];
  setRetryPolicy({ attempts: 1, sleep: async () => undefined });
});

describe('getChangelog', () => {
  it('pages through until isLast', async () => {
    pages = [
      { startAt: 0, maxResults: 100, total: 230, isLast: false, values: range(0, 100) },
      { startAt: 100, maxResults: 100, total: 230, isLast: false, values: range(100, 100) },
      { startAt: 200, maxResults: 100, total: 230, isLast: true, values: range(200, 30) },
    ];
    const histories = await getChangelog('SUP-1');
    expect(histories.map((h) => h.id)).toEqual(range(0, 230).map((h) => h.id));
    expect(paths).toEqual([
      '/rest/api/3/issue/SUP-1/changelog?startAt=0&maxResults=100',
      '/rest/api/3/issue/SUP-1/changelog?startAt=100&maxResults=100',
      '/rest/api/3/issue/SUP-1/changelog?startAt=200&maxResults=100',
    ]);
  });

  it('follows the count Jira returns when the page size is smaller than asked, and stops at total without isLast', async () => {
    pages = [
      { startAt: 0, maxResults: 50, total: 70, values: range(0, 50) },
      { startAt: 50, maxResults: 50, total: 70, values: range(50, 20) },
    ];
    expect(await getChangelog('SUP-2')).toHaveLength(70);
    expect(paths[1]).toBe('/rest/api/3/issue/SUP-2/changelog?startAt=50&maxResults=100');
  });

  it('stops on an empty page', async () => {
    pages = [{ startAt: 0, isLast: false, values: [] }];
    expect(await getChangelog('SUP-3')).toEqual([]);
    expect(paths).toHaveLength(1);
  });
});

describe('getIssueWithChangelog', () => {
  const issue = (histories: unknown[], total: number) => ({
    id: '10001',
    key: 'SUP-1',
    fields: {},
    changelog: { startAt: 0, maxResults: 100, total, histories },
  });

  it('keeps the expanded changelog when it holds the whole history (one call)', async () => {
    pages = [issue(range(0, 40), 40)];
    const read = await getIssueWithChangelog('SUP-1');
    expect(read.changelog?.histories).toHaveLength(40);
    expect(paths).toEqual(['/rest/api/3/issue/SUP-1?expand=changelog%2Cnames%2Cschema']);
  });

  it('reads the whole changelog page by page when Jira expanded only the most recent 100 histories', async () => {
    pages = [
      issue(range(50, 100), 150),
      { startAt: 0, maxResults: 100, total: 150, isLast: false, values: range(0, 100) },
      { startAt: 100, maxResults: 100, total: 150, isLast: true, values: range(100, 50) },
    ];
    const read = await getIssueWithChangelog('SUP-1', 'user');
    expect(read.changelog?.histories?.map((h) => (h as { id: string }).id)).toEqual(range(0, 150).map((h) => h.id));
    expect(paths).toEqual([
      '/rest/api/3/issue/SUP-1?expand=changelog%2Cnames%2Cschema',
      '/rest/api/3/issue/10001/changelog?startAt=0&maxResults=100',
      '/rest/api/3/issue/10001/changelog?startAt=100&maxResults=100',
    ]);
  });
});
