// Comments as Jira's REST API v3 takes and shows them: `visibility` (role or group) honoured on create and read,
// and the body and properties checked. Every platform answer is checked against Atlassian's OpenAPI spec.
import { validateResponse } from '../../support/openapi';
import { CommentDto, Paged } from './jsm-schemas';
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const LEAD = 'lead@sandbox.test';
const OFFERS = 'offers@sandbox.test'; // in the Service Desk Team role, not in the support-team group
const ADMIN = 'admin@sandbox.test';
const CLAIRE = 'claire@acme.test'; // SUP-1's reporter

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const texts = async (email: string, key = 'SUP-1') => {
  const answer = await t.as(email).get(`/rest/api/3/issue/${key}/comment`);
  expect(answer.status).toBe(200);
  expect(validateResponse('GET', `/rest/api/3/issue/${key}/comment`, 200, answer.body)).toEqual([]);
  return answer.body.comments.map(
    (c: { body: { content: Array<{ content: Array<{ text: string }> }> } }) => c.body.content[0]!.content[0]!.text,
  );
};

describe('visibility', () => {
  // Spec, Comment.visibility: "The group or role to which this comment is visible. Optional on create and update."
  // Visibility: {type: group | role, value: the name, identifier: the group's id or the role's name}.
  it('restricts a comment to a project role: its members read it, others never see it', async () => {
    const created = await t.as(AGENT).post('/rest/api/3/issue/SUP-1/comment', {
      body: adf('For the team only'),
      visibility: { type: 'role', value: 'Service Desk Team' },
    });
    expect(created.status).toBe(201);
    expect(validateResponse('POST', '/rest/api/3/issue/SUP-1/comment', 201, created.body)).toEqual([]);
    expect(created.body).toMatchObject({
      visibility: { type: 'role', value: 'Service Desk Team', identifier: 'Service Desk Team' },
      jsdPublic: false,
    });
    expect(await texts(OFFERS)).toContain('For the team only');
    expect(await texts(CLAIRE)).not.toContain('For the team only');
    expect((await t.as(CLAIRE).get(`/rest/api/3/issue/SUP-1/comment/${created.body.id}`)).status).toBe(404);
    // The issue's comment field, JSM's comment list and the event carry the same restriction.
    const issue = await t.as(CLAIRE).get('/rest/api/3/issue/SUP-1?fields=comment');
    expect(JSON.stringify(issue.body)).not.toContain('For the team only');
    const jsm = Paged(CommentDto).parse((await t.as(CLAIRE).get('/rest/servicedeskapi/request/SUP-1/comment')).body);
    expect(jsm.values.map((c) => c.body)).not.toContain('For the team only');
    const agentView = Paged(CommentDto).parse(
      (await t.as(AGENT).get('/rest/servicedeskapi/request/SUP-1/comment')).body,
    );
    expect(agentView.values.find((c) => c.body === 'For the team only')).toMatchObject({ public: false });
    const event = t.events.find((e) => e.eventType === 'avi:jira:commented:issue')!;
    expect((event.payload.comment as { visibility: unknown }).visibility).toEqual({
      type: 'role',
      value: 'Service Desk Team',
      identifier: 'Service Desk Team',
    });
  });

  it('restricts a comment to a group, named or by its id: the offer manager, outside it, does not see it', async () => {
    const byName = await t.as(LEAD).post('/rest/api/3/issue/SUP-1/comment', {
      body: adf('Support team, named'),
      visibility: { type: 'group', value: 'support-team' },
    });
    expect(byName.status).toBe(201);
    const byId = await t.as(LEAD).post('/rest/api/3/issue/SUP-1/comment', {
      body: adf('Support team, by id'),
      visibility: { type: 'group', identifier: 'sandbox-group-support-team' },
    });
    expect(byId.body.visibility).toMatchObject({ type: 'group', value: 'support-team' });
    expect(await texts(AGENT)).toEqual(expect.arrayContaining(['Support team, named', 'Support team, by id']));
    expect(await texts(OFFERS)).not.toContain('Support team, named');
    expect(await texts(ADMIN)).not.toContain('Support team, by id');
    // The app reads every comment (its account holds the project roles apps get).
    const app = await t.asApp().get('/rest/api/3/issue/SUP-1/comment');
    expect(JSON.stringify(app.body)).toContain('Support team, named');
  });

  it.each([
    [
      'a role the author is not in',
      CLAIRE,
      { type: 'role', value: 'Service Desk Team' },
      /not a member of the project role/,
    ],
    ['a group the author is not in', OFFERS, { type: 'group', value: 'support-team' }, /not a member of the group/],
    ['a role the project does not have', AGENT, { type: 'role', value: 'Developers' }, /does not exist/],
    ['an unknown group', AGENT, { type: 'group', value: 'nobody' }, /does not exist/],
    ['an unknown type', AGENT, { type: 'team', value: 'x' }, /"role" or "group"/],
  ])('refuses %s (400, commentLevel)', async (_what, email, visibility, message) => {
    const answer = await t.as(email).post('/rest/api/3/issue/SUP-1/comment', { body: adf('x'), visibility });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errorMessages: [], errors: { commentLevel: expect.stringMatching(message) } });
    expect(t.events).toEqual([]);
  });

  it('takes a visibility with a transition’s comment too', async () => {
    const moved = await t.as(AGENT).post('/rest/api/3/issue/SUP-1/transitions', {
      transition: { id: '21' },
      update: {
        comment: [{ add: { body: adf('Moving, team note'), visibility: { type: 'role', value: 'Administrators' } } }],
      },
    });
    expect(moved.status).toBe(400); // agent1 is not an Administrator
    expect(await texts(ADMIN)).not.toContain('Moving, team note');
  });
});

describe('body and properties', () => {
  // Jira refuses a comment without content: 400 {"errors": {"comment": "Comment body can not be empty!"}}.
  it.each([
    ['an empty document', { type: 'doc', version: 1, content: [] }],
    ['a paragraph of blanks', adf('   ')],
    ['no body at all', undefined],
    ['a plain string', 'Hello'],
  ])('refuses %s', async (_what, body) => {
    const answer = await t.as(AGENT).post('/rest/api/3/issue/SUP-1/comment', { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errorMessages: [], errors: { comment: expect.any(String) } });
  });

  it.each([
    ['not a list', { key: 'sd.public.comment', value: { internal: true } }],
    ['an entry without key', [{ value: 1 }]],
    ['an entry without value', [{ key: 'x' }]],
    ['a key of 256 characters', [{ key: 'k'.repeat(256), value: 1 }]],
  ])('refuses properties that are %s (400 ErrorCollection)', async (_what, properties) => {
    const answer = await t.as(AGENT).post('/rest/api/3/issue/SUP-1/comment', { body: adf('x'), properties });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errorMessages: [expect.stringMatching(/properties are malformed/)], errors: {} });
    expect(t.events).toEqual([]);
  });

  it('refuses an empty comment on a transition, moving nothing', async () => {
    const answer = await t.as(AGENT).post('/rest/api/3/issue/SUP-1/transitions', {
      transition: { id: '21' },
      update: { comment: [{ add: { body: adf('') } }] },
    });
    expect(answer.status).toBe(400);
    expect((await t.as(AGENT).get('/rest/api/3/issue/SUP-1?fields=status')).body.fields.status.name).toBe('Soumise');
  });
});
