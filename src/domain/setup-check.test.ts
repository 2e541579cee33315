import { defaultConfig, type Config } from './config';
import { validateConfig } from './config-errors';
import { setupProblems, type SiteFacts } from './setup-check';

const SITE: SiteFacts = {
  serviceProjects: [
    { key: 'SUP', name: 'Support' },
    { key: 'IT', name: 'IT Help' },
  ],
  statuses: [
    { id: '1', name: 'Soumise' },
    { id: '2', name: 'En cours' },
    { id: '3', name: 'En attente du client' },
    { id: '4', name: "En attente d'un tiers" },
    { id: '5', name: 'Opération planifiée' },
    { id: '6', name: 'Résolu' },
    { id: '7', name: 'Fermée' },
  ],
  resolutions: [{ name: 'Done' }, { name: 'Consulting' }],
  knownAccounts: { lead: true, manager: true },
};

function config(input: unknown): Config {
  const result = validateConfig(input, 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

const READY_INPUT = { escalation: { teamLeadAccountId: 'lead', offerManagerAccountId: 'manager' } };
const READY = config(READY_INPUT);

describe('setupProblems', () => {
  it('finds nothing missing on a complete site, and maps each status', () => {
    const check = setupProblems(READY, SITE, 'en');
    expect(check.problems).toEqual([]);
    expect(check.statuses.map((s) => s.canonical)).toEqual([
      'submitted',
      'in_progress',
      'waiting_for_customer',
      'waiting_for_third_party',
      'scheduled_operation',
      'resolved',
      'closed',
    ]);
  });

  it('lists a workflow status nobody maps, and a canonical status no site status reaches', () => {
    const site = { ...SITE, statuses: [...SITE.statuses.filter((s) => s.id !== '5'), { id: '9', name: 'Planned' }] };
    const check = setupProblems(READY, site, 'en');
    expect(check.problems.map((p) => p.code)).toEqual(['canonical_missing', 'status_unmapped']);
    expect(check.problems[0]!.message).toContain('"Scheduled operation"');
    expect(check.problems[1]!.message).toContain('"Planned"');
    // Mapping it by id fixes both.
    const mapped = config({ ...READY, statusMapping: { byId: { '9': 'scheduled_operation' } } });
    expect(setupProblems(mapped, site, 'en').problems).toEqual([]);
  });

  it('asks for the Consulting resolution, in French too', () => {
    const check = setupProblems(READY, { ...SITE, resolutions: [{ name: 'Done' }] }, 'fr');
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ code: 'consulting_resolution_missing' });
    expect(check.problems[0]!.fix).toContain('Résolutions');
  });

  it('does not ask for a resolution whose rule is off', () => {
    const off = config({ ...READY, rules: { consulting: false } });
    expect(setupProblems(off, { ...SITE, resolutions: [{ name: 'Done' }] }, 'en').problems).toEqual([]);
  });

  it('names the contacts not set or unknown to the site', () => {
    expect(setupProblems(defaultConfig(), SITE, 'en').problems.map((p) => p.code)).toEqual([
      'contact_missing',
      'contact_missing',
    ]);
    const check = setupProblems(READY, { ...SITE, knownAccounts: { lead: false, manager: true } }, 'en');
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'contact_unknown', message: expect.stringContaining('(lead)') }),
    ]);
  });

  it('finds a picked project that is not a JSM project of the site, and a site without any', () => {
    const picked = config({ ...READY_INPUT, projects: { keys: ['SUP', 'DEV'] } });
    expect(setupProblems(picked, SITE, 'en').problems.map((p) => p.code)).toEqual(['project_not_service_desk']);
    expect(setupProblems(READY, { ...SITE, serviceProjects: [] }, 'en').problems.map((p) => p.code)).toEqual([
      'no_service_project',
    ]);
  });

  it("reminds which of JSM's own notifications double an email of a rule that is on", () => {
    const { reminders } = setupProblems(READY, SITE, 'en');
    expect(reminders.map((r) => r.message.match(/"([^"]+)"/)?.[1])).toEqual([
      'Request created',
      'Public comment added',
      'Public comment added',
      'Public comment added',
      'Customer-visible status changed',
      'Request resolved',
      'Request resolved',
    ]);
    const quiet = config({
      ...READY_INPUT,
      rules: {
        notifyOnCreation: false,
        notifyOnSupportComment: false,
        reminders: false,
        autoClose: false,
        notifyOnStatusChange: false,
      },
    });
    expect(setupProblems(quiet, SITE, 'fr').reminders).toEqual([]);
  });

  it('reminds to keep on, in JSM, a notification the app leaves to JSM, instead of warning of a double', () => {
    const leaving = config({ ...READY_INPUT, leaveToJsm: { publicCommentAdded: true } });
    const { reminders } = setupProblems(leaving, SITE, 'en');
    expect(reminders.map((r) => [r.code, r.message.match(/"([^"]+)"/)?.[1]])).toEqual([
      ['jsm_notification', 'Request created'],
      ['jsm_notification_kept', 'Public comment added'],
      ['jsm_notification', 'Customer-visible status changed'],
      ['jsm_notification', 'Request resolved'],
      ['jsm_notification', 'Request resolved'],
    ]);
    expect(reminders[1]!.fix).toContain('keep "Public comment added" on');
    expect(setupProblems(leaving, SITE, 'fr').reminders[1]!.fix).toContain(
      'laissez «\u00a0Public comment added\u00a0» activée',
    );
  });
});
