import { adfFromText } from './adf';
import { awaitedFromTeam, isInternalComment, type JiraComment } from './comments';

const reporter = { accountId: 'cust-1' };
let n = 0;
const comment = (
  author: { accountId: string; accountType: string },
  text: string,
  created: string,
  internal = false,
): JiraComment => ({
  id: String(++n),
  author,
  body: adfFromText(text),
  created,
  properties: [{ key: 'sd.public.comment', value: { internal } }],
});
const agent = { accountId: 'agent-1', accountType: 'atlassian' };
const app = { accountId: 'app', accountType: 'app' };
const customer = { accountId: 'cust-1', accountType: 'customer' };
const colleague = { accountId: 'cust-9', accountType: 'customer' };

describe('awaitedFromTeam', () => {
  it("is the team's latest public comment written by a person, whatever the order Jira lists them in", () => {
    const comments = [
      comment(app, 'Relance n° 2', '2026-01-09T10:00:00Z'),
      comment(agent, 'Pouvez-vous envoyer les journaux ?', '2026-01-02T10:00:00Z'),
      comment(app, 'Relance n° 1', '2026-01-06T10:00:00Z'),
      comment(agent, 'Nous regardons.', '2026-01-01T10:00:00Z'),
    ];
    expect(awaitedFromTeam(comments, { reporter, participants: [] }, 'fr')).toBe('Pouvez-vous envoyer les journaux ?');
  });

  it("skips internal notes, the customer's own comments and other portal customers'", () => {
    const comments = [
      comment(agent, 'Question', '2026-01-02T10:00:00Z'),
      comment(agent, 'Note interne', '2026-01-03T10:00:00Z', true),
      comment(customer, 'Je regarde', '2026-01-04T10:00:00Z'),
      comment(colleague, 'Moi aussi', '2026-01-05T10:00:00Z'),
    ];
    expect(awaitedFromTeam(comments, { reporter, participants: [] }, 'fr')).toBe('Question');
  });

  it('skips a participant, even with a licensed account', () => {
    const participant = { accountId: 'agent-2', accountType: 'atlassian' };
    const comments = [
      comment(agent, 'Question', '2026-01-02T10:00:00Z'),
      comment(participant, 'I follow this too', '2026-01-03T10:00:00Z'),
    ];
    expect(awaitedFromTeam(comments, { reporter, participants: [{ accountId: 'agent-2' }] }, 'fr')).toBe('Question');
  });

  it('is null when the team wrote nothing public', () => {
    expect(
      awaitedFromTeam([comment(app, 'Relance', '2026-01-06T10:00:00Z')], { reporter, participants: [] }, 'fr'),
    ).toBeNull();
    expect(awaitedFromTeam([], { reporter: null, participants: [] }, 'fr')).toBeNull();
  });
});

describe('isInternalComment', () => {
  it("reads JSM's property, else jsdPublic; a comment that proves nothing counts as internal (fails closed)", () => {
    expect(isInternalComment({ id: '1', properties: [{ key: 'sd.public.comment', value: { internal: true } }] })).toBe(
      true,
    );
    expect(isInternalComment({ id: '2', jsdPublic: false })).toBe(true);
    expect(isInternalComment({ id: '3', jsdPublic: true })).toBe(false);
    expect(isInternalComment({ id: '4' })).toBe(true);
    expect(isInternalComment({ id: '5', properties: [{ key: 'sd.public.comment', value: { internal: false } }] })).toBe(
      false,
    );
    expect(isInternalComment({ id: '6', jsdPublic: true, visibility: { type: 'role', value: 'Administrators' } })).toBe(
      true,
    );
  });
});
