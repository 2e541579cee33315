// Adapter test: @forge/api is replaced by a scripted fake, the only place a mock stands in for Jira.
import { statusResolver } from '../domain/workflow';
import { defaultConfig } from '../domain/config';
import { setRetryPolicy } from './client';
import { NoTransitionError, transitionIssue } from './transition-issue';

const calls: { method: string; path: string; body?: unknown }[] = [];
let answers: unknown[] = [];

jest.mock('@forge/api', () => {
  const actual = jest.requireActual('@forge/api');
  const requestJira = (path: { value: string }, init: { method?: string; body?: string } = {}) => {
    calls.push({ method: init.method ?? 'GET', path: path.value, body: init.body ? JSON.parse(init.body) : undefined });
    const body = answers.shift();
    if (body === undefined) throw new Error('unexpected call');
    return Promise.resolve({
      ok: true,
      status: body === null ? 204 : 200,
      headers: new Headers(),
      text: () => Promise.resolve(body === null ? '' : JSON.stringify(body)),
    });
  };
  return { ...actual, __esModule: true, default: { asApp: () => ({ requestJira }), asUser: () => ({ requestJira }) } };
});

const resolve = statusResolver(defaultConfig().statusMapping);
const transitions = [
  { id: '21', name: 'En cours', to: { id: '3', name: 'En cours' } },
  { id: '51', name: 'Fermée', to: { id: '6', name: 'Fermée' } },
];

beforeEach(() => {
  calls.length = 0;
  answers = [];
  setRetryPolicy({ attempts: 1, sleep: async () => undefined });
});

describe('transitionIssue', () => {
  it('moves the request with the transition that leads to the status, the resolution set', async () => {
    answers = [{ transitions }, null];
    expect(await transitionIssue('SUP-1', 'closed', resolve, { resolution: 'Done' })).toBe('moved');
    expect(calls).toEqual([
      { method: 'GET', path: '/rest/api/3/issue/SUP-1/transitions' },
      {
        method: 'POST',
        path: '/rest/api/3/issue/SUP-1/transitions',
        body: { transition: { id: '51' }, fields: { resolution: { name: 'Done' } } },
      },
    ]);
  });

  it('with `from`, reads status and transitions in one call and moves only a request still there', async () => {
    const waiting = { fields: { status: { id: '4', name: 'En attente du client' } }, transitions };
    answers = [waiting, null];
    expect(await transitionIssue('SUP-1', 'closed', resolve, { from: ['waiting_for_customer'] })).toBe('moved');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /rest/api/3/issue/SUP-1?fields=status&expand=transitions',
      'POST /rest/api/3/issue/SUP-1/transitions',
    ]);
  });

  it('with `from`, leaves a request someone moved elsewhere as it is: no POST', async () => {
    answers = [{ fields: { status: { id: '3', name: 'En cours' } }, transitions }];
    expect(await transitionIssue('SUP-1', 'closed', resolve, { from: ['waiting_for_customer'] })).toBe('left');
    expect(calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('names the transitions on offer when none leads to the status', async () => {
    answers = [{ transitions: transitions.slice(0, 1) }];
    await expect(transitionIssue('SUP-1', 'closed', resolve)).rejects.toThrow(NoTransitionError);
  });
});
