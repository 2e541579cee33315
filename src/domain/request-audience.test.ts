import { participantIdsOf, portalRelation, REQUEST_PARTICIPANTS_TYPE } from './request-audience';

const people = { reporterId: 'rep', participantIds: ['par'], organizationIds: ['1', '2'] };

describe('portalRelation', () => {
  it('knows the reporter, the participants and the members of a sharing organization', () => {
    expect(portalRelation('rep', people, [])).toBe('reporter');
    expect(portalRelation('par', people, [])).toBe('participant');
    expect(portalRelation('same-org', people, ['2'])).toBe('organization');
  });

  it('knows nobody else: another organization, no organization, an empty account', () => {
    expect(portalRelation('other', people, ['3'])).toBeNull();
    expect(portalRelation('other', people, [])).toBeNull();
    expect(portalRelation('other', { ...people, organizationIds: [] }, ['1'])).toBeNull();
    expect(portalRelation('', { reporterId: '', participantIds: [''], organizationIds: [] }, [])).toBeNull();
  });
});

describe('participantIdsOf', () => {
  const schema = { customfield_10003: { custom: REQUEST_PARTICIPANTS_TYPE }, customfield_10002: { custom: 'other' } };

  it("reads the Request participants field of an issue read with its schema, whatever the field's id", () => {
    expect(
      participantIdsOf({ fields: { customfield_10003: [{ accountId: 'a' }, { accountId: 'b' }] }, schema }),
    ).toEqual(['a', 'b']);
    // Jira answers null for a user-list field nobody was added to.
    expect(participantIdsOf({ fields: { customfield_10003: null }, schema })).toEqual([]);
  });

  it('says null (ask JSM) when the read does not hold the field, or holds something else there', () => {
    expect(participantIdsOf({ fields: { customfield_10003: [{ accountId: 'a' }] } })).toBeNull();
    expect(participantIdsOf({ fields: {}, schema })).toBeNull();
    expect(participantIdsOf({ fields: { customfield_10003: 'a' }, schema })).toBeNull();
    expect(participantIdsOf({ fields: { customfield_10003: [{ name: 'a' }] }, schema })).toBeNull();
  });
});
