/**
 * The site's mailbox: every email it sent, as GET /_sandbox/outbox lists them: the app's (POST
 * /rest/api/3/issue/{key}/notify by the app, `source: "app"`), JSM's customer notifications (`"jsm"`), and Jira's
 * notify called by a person (`"jira"`).
 */
import type { Database } from '../db';

/** One email, in the control surface's shape (DESIGN.md section 3), plus its HTML body. */
export interface OutboxEmail {
  id: number;
  at: string;
  issueKey: string | null;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  to: string[];
  /** Who sent it: the app (its /notify calls), JSM (its own customer notifications), or Jira for a person's /notify. */
  source: OutboxSource;
}

export type OutboxSource = 'app' | 'jsm' | 'jira';

/**
 * Records an email sent to the given accounts.
 * @example sendEmail(db, { issueKey: 'SUP-1', subject: 'Hi', textBody: 'Hello', htmlBody: null, to: ['acc-1'], senderId: 'app', at: now, source: 'app' })
 */
export function sendEmail(
  db: Database,
  email: Omit<OutboxEmail, 'id' | 'at'> & { senderId: string; at: number },
): void {
  db.prepare(
    'INSERT INTO outbox (at, issue_key, subject, text_body, html_body, recipients, sender_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    email.at,
    email.issueKey,
    email.subject,
    email.textBody,
    email.htmlBody,
    JSON.stringify(email.to),
    email.senderId,
    email.source,
  );
}

/**
 * Every email sent, oldest first.
 * @example listOutbox(db)[0].to //=> ['sandbox-customer-1']
 */
export function listOutbox(db: Database): OutboxEmail[] {
  return db
    .prepare<
      [],
      {
        id: number;
        at: number;
        issue_key: string | null;
        subject: string;
        text_body: string;
        html_body: string | null;
        recipients: string;
        source: OutboxSource;
      }
    >('SELECT * FROM outbox ORDER BY id')
    .all()
    .map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      issueKey: r.issue_key,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      to: JSON.parse(r.recipients) as string[],
      source: r.source,
    }));
}
