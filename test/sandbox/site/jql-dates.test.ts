/**
 * JQL on the `created` and `updated` dates, as Jira Cloud's JQL fields reference lists them
 * (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/, "Created"): the operators = != > >= < <=,
 * dates as "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd" in the searcher's time zone, periods
 * from now such as "-5d" or "4w 2d" (w, d, h, m), and now(). Anything else is refused, as Jira refuses it.
 */
import { JqlError, parseJql } from '../../../sandbox/site/jql';
import { compileJql } from '../../../sandbox/site/jql-sql';

const NOW = Date.parse('2026-03-09T10:00:00Z');
const ctx = { currentAccountId: 'me', keyExists: () => true, timeZone: 'Europe/Paris', now: NOW };
const compile = (jql: string) => compileJql(parseJql(jql), ctx);
const D = 86_400_000;

describe('JQL on created and updated', () => {
  it.each([
    ['created >= -90d', 'i.created >= ?', NOW - 90 * D],
    ['created > "-4w 2d"', 'i.created > ?', NOW - 30 * D],
    ['updated < 2h', 'i.updated < ?', NOW + 2 * 3_600_000],
    ['created <= now()', 'i.created <= ?', NOW],
    // Read in the searcher's time zone: midnight in Paris is 23:00 UTC the day before (winter).
    ['created >= 2026-03-01', 'i.created >= ?', Date.parse('2026-02-28T23:00:00Z')],
    ['created < "2026/03/01 09:30"', 'i.created < ?', Date.parse('2026-03-01T08:30:00Z')],
    ['created != "2026-03-01 09:30"', 'i.created <> ?', Date.parse('2026-03-01T08:30:00Z')],
  ])('%s', (jql, where, instant) => {
    expect(compile(jql)).toMatchObject({ where, params: [instant] });
  });

  it('refuses what is not a date, with the formats Jira names', () => {
    for (const jql of ['created >= yesterday', 'created >= "2026-13-01"', 'created >= startOfDay()', 'created ~ x']) {
      expect(() => compile(jql)).toThrow(JqlError);
    }
    expect(() => compile('created >= soon')).toThrow(/'yyyy\/MM\/dd HH:mm', 'yyyy-MM-dd HH:mm'/);
  });
});
