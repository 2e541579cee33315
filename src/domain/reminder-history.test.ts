import { configSchema } from './config';
import { clockFromHistory, lastPersonActivity, type RequestHistory } from './reminder-history';

const DAY = 86_400_000;
const CREATED = Date.UTC(2026, 0, 1, 9);
const iso = (ms: number) => new Date(ms).toISOString();
const person = { accountId: 'agent-1', accountType: 'atlassian' };
const app = { accountId: 'app-1', accountType: 'app' };

function move(at: number, author: object, to: string) {
  return {
    id: String(at),
    created: iso(at),
    author,
    items: [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '1',
        fromString: 'In progress',
        to: '2',
        toString: to,
      },
    ],
  };
}

function history(over: Partial<RequestHistory> = {}): RequestHistory {
  return { histories: [], comments: [], createdMs: CREATED, status: 'waiting_for_customer', ...over };
}

describe('a request that predates the install', () => {
  it('counts from the latest comment or change by a person, not by the app', () => {
    const h = history({
      histories: [
        move(CREATED + DAY, person, 'Waiting for customer'),
        move(CREATED + 4 * DAY, app, 'Waiting for customer'),
      ],
      comments: [
        { author: person, created: iso(CREATED + 2 * DAY) },
        { author: app, created: iso(CREATED + 5 * DAY) },
      ],
    });
    expect(lastPersonActivity(h)).toBe(CREATED + 2 * DAY);
  });

  it('is waiting since its last entry into waiting_for_customer', () => {
    const h = history({
      histories: [
        move(CREATED + DAY, person, 'En attente du client'),
        move(CREATED + 2 * DAY, person, 'En cours'),
        move(CREATED + 3 * DAY, person, 'Waiting for customer'),
      ],
    });
    expect(clockFromHistory(h, configSchema.parse({}))).toEqual({
      waiting: 'yes',
      waitingSince: CREATED + 3 * DAY,
      lastActivityAt: CREATED + 3 * DAY,
      nextDueAt: CREATED + 6 * DAY,
      stage: 0,
      initialisedFrom: 'changelog',
    });
  });

  it('falls back to the creation when the changelog never shows the entry, and records a request that is not waiting', () => {
    expect(clockFromHistory(history(), configSchema.parse({})).waitingSince).toBe(CREATED);
    expect(clockFromHistory(history({ status: 'in_progress' }), configSchema.parse({}))).toMatchObject({
      waiting: 'no',
      nextDueAt: null,
      initialisedFrom: 'changelog',
    });
  });
});
