import { defaultConfig } from './config';
import { coverageChangeJql, coverageChanges } from './coverage-change';

const coverage = (byOrganization: Record<string, 'business_hours' | '24x7'>, fallback = 'business_hours' as const) => ({
  default: fallback,
  byOrganization,
});

describe('coverage changes', () => {
  it('finds the organizations switched, added or removed, and the default moving under the others', () => {
    expect(coverageChanges(coverage({ Globex: '24x7' }), coverage({ Globex: '24x7' }))).toEqual([]);
    expect(coverageChanges(coverage({}), coverage({ Globex: '24x7' }))).toEqual([
      { organization: 'Globex', from: 'business_hours', to: '24x7' },
    ]);
    expect(
      coverageChanges(coverage({ Globex: '24x7', Acme: 'business_hours' }), coverage({ Acme: 'business_hours' })),
    ).toEqual([{ organization: 'Globex', from: '24x7', to: 'business_hours' }]);
    // A row that says what the default says changes nothing.
    expect(coverageChanges(coverage({}), coverage({ Acme: 'business_hours' }))).toEqual([]);
    expect(
      coverageChanges(coverage({ Globex: '24x7', Acme: 'business_hours' }), {
        default: '24x7',
        byOrganization: { Globex: '24x7' },
      }),
    ).toEqual([
      { organization: 'Acme', from: 'business_hours', to: '24x7' },
      { organization: null, from: 'business_hours', to: '24x7' },
    ]);
  });

  it('writes the JQL of the requests each change moves, open or stopped, in the picked projects', () => {
    const draft = { ...defaultConfig(), projects: { keys: ['SUP'] }, coverage: coverage({ 'Globex "Cloud"': '24x7' }) };
    expect(
      coverageChangeJql({ organization: 'Globex "Cloud"', from: 'business_hours', to: '24x7' }, draft, 'open'),
    ).toBe(
      'project in ("SUP") AND organizations = "Globex \\"Cloud\\"" AND issue.property[supportRulesSla].coverage != "24x7" AND issue.property[supportRulesSla].state IN ("running", "paused")',
    );
    expect(coverageChangeJql({ organization: null, from: 'business_hours', to: '24x7' }, draft, 'stopped')).toBe(
      'project in ("SUP") AND (organizations IS EMPTY OR organizations NOT IN ("Globex \\"Cloud\\"")) AND issue.property[supportRulesSla].coverage != "24x7" AND issue.property[supportRulesSla].state = "stopped"',
    );
    expect(coverageChangeJql({ organization: null, from: '24x7', to: 'business_hours' }, defaultConfig(), 'open')).toBe(
      'issue.property[supportRulesSla].coverage != "business_hours" AND issue.property[supportRulesSla].state IN ("running", "paused")',
    );
  });
});
