// Edit issue with `properties`: several issue properties in one PUT /rest/api/3/issue/{issueIdOrKey}.
// Source: the spec's editIssue ("Issue properties may be updated as part of the edit") and
// IssueUpdateDetails.properties (EntityProperty[]); Edit issues permission as for the property PUT (setIssueProperty).
// The spec names no event for a property-only edit; the stricter reading, alike the property PUT: no changelog,
// no issue-updated event.
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const CLAIRE = 'claire@acme.test';

it('writes every property of the edit, with no changelog and no event', async () => {
  const before = t.events.length;
  const history = (await t.as(AGENT).get('/rest/api/3/issue/SUP-1/changelog')).body.total as number;
  const edit = await t.asApp().put('/rest/api/3/issue/SUP-1', {
    properties: [
      { key: 'one', value: { a: 1 } },
      { key: 'two', value: [2] },
    ],
  });
  expect(edit.status).toBe(204);
  const read = await t.as(AGENT).get('/rest/api/3/issue/SUP-1?fields=summary&properties=one,two');
  expect(read.body.properties).toEqual({ one: { a: 1 }, two: [2] });
  expect(t.events.length).toBe(before);
  expect((await t.as(AGENT).get('/rest/api/3/issue/SUP-1/changelog')).body.total).toBe(history);
});

it('refuses malformed or oversized properties with 400, and a customer with 403, writing nothing', async () => {
  for (const properties of [[{ value: 1 }], [{ key: '', value: 1 }], 'x', [{ key: 'k' }]]) {
    const answer = await t.asApp().put('/rest/api/3/issue/SUP-1', { properties });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveProperty('properties');
  }
  const big = await t.asApp().put('/rest/api/3/issue/SUP-1', {
    properties: [{ key: 'big', value: 'x'.repeat(40_000) }],
  });
  expect(big.status).toBe(400);
  const customer = await t.as(CLAIRE).put('/rest/api/3/issue/SUP-1', { properties: [{ key: 'k', value: 1 }] });
  expect([403, 404]).toContain(customer.status);
  const keys = (await t.as(AGENT).get('/rest/api/3/issue/SUP-1/properties')).body.keys as { key: string }[];
  expect(keys.map((k) => k.key)).not.toEqual(expect.arrayContaining(['k']));
  expect(keys.map((k) => k.key)).not.toContain('big');
});
