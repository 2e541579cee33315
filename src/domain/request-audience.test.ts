import { portalRelation } from './request-audience';

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
