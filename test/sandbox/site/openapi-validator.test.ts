// The validator the site's tests rely on must reject what the spec rejects, or those tests prove nothing.
import { findOperation, validateResponse } from '../../support/openapi';

describe('OpenAPI response validation', () => {
  it('finds operations by concrete path, the most specific template first', () => {
    expect(findOperation('GET', '/rest/api/3/issue/SUP-1')?.operation.operationId).toBe('getIssue');
    expect(findOperation('GET', '/rest/api/3/issue/SUP-1/comment?orderBy=created')?.operation.operationId).toBe(
      'getComments',
    );
    expect(findOperation('POST', '/rest/api/3/search/jql')?.operation.operationId).toBe(
      'searchAndReconsileIssuesUsingJqlPost',
    );
    expect(findOperation('GET', '/rest/servicedeskapi/request/SUP-1')).toBeUndefined();
  });

  it('accepts a valid body, extra properties and nulls, as Jira answers them', () => {
    expect(
      validateResponse('GET', '/rest/api/3/myself', 200, {
        accountId: 'a',
        accountType: 'app',
        active: true,
        extra: 1,
        emailAddress: null,
      }),
    ).toEqual([]);
  });

  it('rejects wrong types deep inside the body', () => {
    expect(validateResponse('GET', '/rest/api/3/myself', 200, { accountId: 5 })).toEqual([
      expect.stringContaining('/accountId must be string'),
    ]);
    const history = {
      id: '1',
      items: [{ field: 'status', fieldtype: 'jira', from: null, fromString: null, to: 10002, toString: 'En cours' }],
    };
    expect(validateResponse('GET', '/rest/api/3/issue/SUP-1/changelog', 200, { values: [history] })).toEqual(
      expect.arrayContaining([expect.stringContaining('/values/0/items/0/to must be string')]),
    );
    expect(validateResponse('GET', '/rest/api/3/issue/SUP-1/comment', 200, { comments: [{ id: 1 }] })).toEqual(
      expect.arrayContaining([expect.stringContaining('/comments/0/id must be string')]),
    );
  });

  it('rejects a null body', () => {
    expect(validateResponse('GET', '/rest/api/3/issue/SUP-1', 200, null)).not.toEqual([]);
  });

  it('says so when the spec has no schema for the answer', () => {
    expect(() => validateResponse('POST', '/rest/api/3/issue/SUP-1/transitions', 204, undefined)).toThrow(
      'no JSON response schema for 204 of doTransition',
    );
  });
});
