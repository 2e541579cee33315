import { at, config, H } from '../../test/support/sla-fixtures';
import { configSchema } from './config';
import { organizationsOf, slaFromIssue, type JiraIssueJson } from './sla-from-issue';

const issue = (over: Partial<JiraIssueJson> & { fields?: Record<string, unknown> } = {}): JiraIssueJson => ({
  id: '10042',
  key: 'SUP-42',
  ...over,
  fields: {
    created: '2024-03-04T09:00:00.000+0100',
    status: { id: '3', name: 'En cours' },
    priority: { name: 'High' },
    ...over.fields,
  },
  changelog: over.changelog ?? {
    histories: [
      {
        id: '100',
        created: '2024-03-04T09:30:00.000+0100',
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: '1',
            fromString: 'Soumise',
            to: '3',
            toString: 'En cours',
          },
        ],
      },
    ],
  },
});

describe('slaFromIssue', () => {
  const now = at('2024-03-04T10:00:00+01:00');
  const withCoverage = configSchema.parse({
    coverage: { byOrganization: { Acme: '24x7' } },
    responseGoals: { byPriority: { High: 60 } },
  });

  it('reads creation, status, priority and organizations', () => {
    expect(slaFromIssue(issue(), config, now)).toMatchObject({
      issueKey: 'SUP-42',
      coverage: 'business_hours',
      elapsedMs: 1 * H,
      goalMs: 4 * H,
    });
    const acme = issue({
      fields: {
        customfield_10002: [
          { id: '7', name: 'Acme', _links: { self: 'https://x/rest/servicedeskapi/organization/7' } },
        ],
      },
    });
    expect(slaFromIssue(acme, withCoverage, now + 3 * H)).toMatchObject({
      coverage: '24x7',
      goalMs: 1 * H,
      breached: true,
      breachAt: '2024-03-04T09:00:00.000Z',
    });
    expect(slaFromIssue(acme, withCoverage, now, { coverage: 'business_hours' }).coverage).toBe('business_hours');
  });

  it('takes the current status when the changelog has no status change', () => {
    expect(slaFromIssue(issue({ changelog: { histories: [] } }), config, now)).toMatchObject({
      state: 'running',
      timeline: [{ status: 'in_progress' }],
    });
    expect(slaFromIssue(issue({ changelog: {}, fields: { status: { name: 'Fermée' } } }), config, now)).toMatchObject({
      state: 'stopped',
      stopStatus: 'closed',
    });
  });

  it('trusts the changelog over a current status that disagrees', () => {
    expect(slaFromIssue(issue({ fields: { status: { id: '6', name: 'Fermée' } } }), config, now)).toMatchObject({
      state: 'running',
    });
  });

  it('explains what is missing', () => {
    expect(() => slaFromIssue(issue({ fields: { created: undefined } }), config, now)).toThrow(
      'SUP-42: fields.created is missing or not a timestamp',
    );
    expect(() => slaFromIssue({ fields: {} }, config, now)).toThrow('the issue has no "key"');
    expect(() => slaFromIssue(issue({ fields: { status: null }, changelog: { histories: [] } }), config, now)).toThrow(
      /no status/,
    );
    expect(() => slaFromIssue(issue({ changelog: { histories: {} as unknown as unknown[] } }), config, now)).toThrow(
      /not a list/,
    );
  });
});

describe('organizationsOf', () => {
  it('prefers the field named Organizations, or typed so, over the shape', () => {
    const fields = { customfield_1: [{ id: 1, name: 'Shape', _links: {} }], customfield_2: [{ id: 2, name: 'Named' }] };
    expect(organizationsOf({ fields, names: { customfield_2: 'Organisations' } })).toEqual([
      { id: '2', name: 'Named' },
    ]);
    expect(
      organizationsOf({
        fields,
        schema: { customfield_2: { custom: 'com.atlassian.servicedesk:sd-customer-organizations' } },
      }),
    ).toEqual([{ id: '2', name: 'Named' }]);
    expect(organizationsOf({ fields })).toEqual([{ id: '1', name: 'Shape' }]);
  });

  it('ignores lists that do not look like organizations', () => {
    expect(
      organizationsOf({ fields: { components: [{ id: '1', name: 'Web' }], customfield_3: [{ value: 'x', id: '9' }] } }),
    ).toEqual([]);
  });
});
