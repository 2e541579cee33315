import { parseEvent } from './parse-event';

const issue = {
  id: '10073',
  key: 'SUP-10',
  fields: { summary: 'VPN down', created: '2026-11-28T10:00:00.000+0100', updated: '2026-11-28T11:00:00.000+0100' },
};
const NOW = Date.UTC(2026, 10, 28, 12);

describe('parseEvent', () => {
  it('reads a creation (Forge avi:jira:created:issue)', () => {
    const result = parseEvent(
      'created',
      { eventType: 'avi:jira:created:issue', issue, atlassianId: 'cust-1', associatedUsers: [{ accountId: 'cust-1' }] },
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      issueKey: 'SUP-10',
      issueId: '10073',
      events: [{ kind: 'created', issueKey: 'SUP-10', actor: { accountId: 'cust-1' }, at: Date.UTC(2026, 10, 28, 9) }],
    });
  });

  it('reads a status change with the resolution of the same changelog, and the other fields apart', () => {
    const result = parseEvent(
      'updated',
      {
        eventType: 'avi:jira:updated:issue',
        issue,
        atlassianId: 'agent-1',
        changelog: {
          id: '20001',
          items: [
            {
              field: 'resolution',
              fieldtype: 'jira',
              fieldId: 'resolution',
              from: null,
              fromString: null,
              to: '10001',
              toString: 'Consulting',
            },
            {
              field: 'status',
              fieldtype: 'jira',
              fieldId: 'status',
              from: '10002',
              fromString: 'En cours',
              to: '10007',
              toString: 'Fermée',
            },
            {
              field: 'labels',
              fieldtype: 'jira',
              fieldId: 'labels',
              from: null,
              fromString: '',
              to: null,
              toString: 'vip',
            },
          ],
        },
      },
      NOW,
    );
    expect(result.ok && result.events).toEqual([
      {
        kind: 'status_changed',
        issueKey: 'SUP-10',
        actor: { accountId: 'agent-1' },
        at: Date.UTC(2026, 10, 28, 10),
        changelogId: '20001',
        from: { id: '10002', name: 'En cours' },
        to: { id: '10007', name: 'Fermée' },
        resolution: 'Consulting',
      },
      {
        kind: 'fields_changed',
        issueKey: 'SUP-10',
        actor: { accountId: 'agent-1' },
        at: Date.UTC(2026, 10, 28, 10),
        changelogId: '20001',
        fields: ['labels'],
      },
    ]);
  });

  it('reads a field change alone, and dates an event without dates with the clock', () => {
    const payload = {
      eventType: 'avi:jira:updated:issue',
      issue: { id: 1, key: 'SUP-1' },
      changelog: { id: 5, items: [{ field: 'priority', from: '3', to: '2' }] },
    };
    expect(parseEvent('updated', payload, NOW)).toEqual({
      ok: true,
      issueKey: 'SUP-1',
      issueId: '1',
      events: [
        { kind: 'fields_changed', issueKey: 'SUP-1', actor: null, at: NOW, changelogId: '5', fields: ['priority'] },
      ],
    });
  });

  it.each([
    ['jsdPublic false', { jsdPublic: false }, true],
    ['jsdPublic true', { jsdPublic: true }, false],
    ['the sd.public.comment property', { properties: [{ key: 'sd.public.comment', value: { internal: true } }] }, true],
    ['the property saying public', { properties: [{ key: 'sd.public.comment', value: { internal: false } }] }, false],
    [
      'a role restriction, even with jsdPublic',
      { jsdPublic: true, visibility: { type: 'role', value: 'Agents' } },
      true,
    ],
    // Fail closed: nothing proves it public, so it is an internal note until the comment is read (handle-event).
    ['no JSM flag at all', {}, true],
  ])('tells an internal note by %s', (_name, flags, internal) => {
    const payload = {
      eventType: 'avi:jira:commented:issue',
      issue,
      atlassianId: 'agent-1',
      comment: {
        id: '30001',
        author: { accountId: 'agent-1', displayName: 'Alice' },
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] },
        created: '2026-11-28T11:30:00.000+0100',
        ...flags,
      },
    };
    const result = parseEvent('commented', payload, NOW);
    expect(result.ok && result.events[0]).toEqual({
      kind: 'commented',
      issueKey: 'SUP-10',
      actor: { accountId: 'agent-1', displayName: 'Alice', accountType: undefined },
      at: Date.UTC(2026, 10, 28, 10, 30),
      commentId: '30001',
      internal,
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] },
    });
    expect(result.ok && result.commentToCheck).toBe(Object.keys(flags).length === 0 ? '30001' : undefined);
  });

  it("keeps the status the request was in when the comment was made (the event's issue carries it)", () => {
    // "Jira events" (https://developer.atlassian.com/platform/forge/events-reference/jira/): the issue of a comment
    // event carries its fields at the time of the event, status among them.
    const comment = { id: '30002', author: { accountId: 'cust-1' }, body: 'Here it is', jsdPublic: true };
    const withStatus = { ...issue, fields: { ...issue.fields, status: { id: '10003', name: 'En attente du client' } } };
    const said = parseEvent('commented', { eventType: 'avi:jira:commented:issue', issue: withStatus, comment }, NOW);
    expect(said.ok && said.events[0]).toMatchObject({ statusWhenMade: { id: '10003', name: 'En attente du client' } });
    const silent = parseEvent('commented', { eventType: 'avi:jira:commented:issue', issue, comment }, NOW);
    expect(silent.ok && 'statusWhenMade' in silent.events[0]!).toBe(false);
    // A status of another shape loses the status, never the comment.
    const odd = { ...issue, fields: { ...issue.fields, status: 'En attente du client' } };
    const kept = parseEvent('commented', { eventType: 'avi:jira:commented:issue', issue: odd, comment }, NOW);
    expect(kept.ok && kept.events[0]).toMatchObject({ kind: 'commented', commentId: '30002' });
    expect(kept.ok && 'statusWhenMade' in kept.events[0]!).toBe(false);
  });

  it.each([
    ['not an object', 'hello', 'payload'],
    ['no issue', { eventType: 'avi:jira:created:issue' }, 'issue'],
    ['a bad issue key', { eventType: 'avi:jira:created:issue', issue: { id: '1', key: 'not a key' } }, 'issue.key'],
    ['another event type', { eventType: 'avi:jira:deleted:issue', issue }, 'eventType'],
  ])('rejects %s with the reason', (_name, payload, where) => {
    const result = parseEvent('created', payload, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.startsWith(where)).toBe(true);
  });

  it('rejects an update without a changelog, a status change without a target, and a comment without an id', () => {
    expect(parseEvent('updated', { eventType: 'avi:jira:updated:issue', issue }, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('changelog'),
    });
    const noTarget = {
      eventType: 'avi:jira:updated:issue',
      issue,
      changelog: { id: '1', items: [{ field: 'status', from: '1', to: null }] },
    };
    expect(parseEvent('updated', noTarget, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no target status'),
    });
    expect(
      parseEvent('commented', { eventType: 'avi:jira:commented:issue', issue, comment: { body: 'x' } }, NOW),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('comment.id') });
  });
});
