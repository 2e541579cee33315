import { mergePropertyWrites, type Action } from './actions';

const write = (key: string, issueKey: string, propertyKey: string, value: unknown): Action => ({
  type: 'setProperty',
  key,
  issueKey,
  propertyKey,
  value,
});
const notify: Action = {
  type: 'notify',
  key: 'SUP-1:notify',
  issueKey: 'SUP-1',
  to: { accountIds: ['c1'] },
  subject: 's',
  textBody: 't',
};

describe('mergePropertyWrites', () => {
  it("merges a request's property writes into one, where the first was", () => {
    const merged = mergePropertyWrites([
      write('SUP-1:clock:c1', 'SUP-1', 'supportRulesState', { waiting: 'no' }),
      notify,
      write('SUP-1:sla-record:c1', 'SUP-1', 'supportRulesSla', { state: 'running' }),
    ]);
    expect(merged).toEqual([
      {
        type: 'setProperty',
        key: 'SUP-1:clock:c1+SUP-1:sla-record:c1',
        issueKey: 'SUP-1',
        propertyKey: 'supportRulesState',
        value: { waiting: 'no' },
        alsoSet: [{ propertyKey: 'supportRulesSla', value: { state: 'running' } }],
      },
      notify,
    ]);
  });

  it('keeps the last value of a property written twice, and leaves other requests and lone writes alone', () => {
    const merged = mergePropertyWrites([
      write('a', 'SUP-1', 'p', 1),
      write('b', 'SUP-2', 'p', 2),
      write('c', 'SUP-1', 'p', 3),
    ]);
    expect(merged).toEqual([
      { type: 'setProperty', key: 'a+c', issueKey: 'SUP-1', propertyKey: 'p', value: 3 },
      write('b', 'SUP-2', 'p', 2),
    ]);
  });

  it('leaves alone a write another action needs, or that needs one', () => {
    const record = write('SUP-1:escalation', 'SUP-1', 'supportRulesEscalation', { by: 'c1' });
    const comment: Action = { ...notify, key: 'SUP-1:note', requires: 'SUP-1:escalation' };
    const dependent: Action = { ...write('SUP-1:x', 'SUP-1', 'x', 1), requires: 'SUP-1:note' };
    const actions = [record, comment, dependent, write('SUP-1:clock', 'SUP-1', 'supportRulesState', {})];
    expect(mergePropertyWrites(actions)).toEqual(actions);
  });
});
