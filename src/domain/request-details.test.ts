import { mergeDetails, parseRequestDetails } from './request-details';

describe('mergeDetails', () => {
  it('keeps the other detail and replaces the same one', () => {
    const stored = { thirdParty: { kind: 'hosting' }, scheduledOperation: { at: 'a', who: 'b' } };
    expect(mergeDetails(stored, { thirdParty: { kind: 'atlassian' } })).toEqual({
      thirdParty: { kind: 'atlassian' },
      scheduledOperation: { at: 'a', who: 'b' },
    });
    expect(mergeDetails(undefined, { scheduledOperation: { at: 'x', who: 'y' } })).toEqual({
      scheduledOperation: { at: 'x', who: 'y' },
    });
  });
});

describe('parseRequestDetails', () => {
  it('reads what the panel wrote, and nothing else', () => {
    expect(parseRequestDetails({ thirdParty: { kind: 'atlassian', reference: 'PS-1' } })).toEqual({
      thirdParty: { kind: 'atlassian', reference: 'PS-1' },
    });
    expect(parseRequestDetails(undefined)).toBeNull();
    expect(parseRequestDetails({ thirdParty: { kind: 'plumber' } })).toBeNull();
  });
});
