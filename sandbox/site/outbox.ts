/**
 * The site's mailbox: every email it sent (POST /rest/api/3/issue/{key}/notify), as GET /_sandbox/outbox lists them.
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
}

/**
 * Records an email sent to the given accounts.
 * @example sendEmail(db, { issueKey: 'SUP-1', subject: 'Hi', textBody: 'Hello', htmlBody: null, to: ['acc-1'], senderId: 'app', at: now })
 */
export function sendEmail(
  db: Database,
  email: Omit<OutboxEmail, 'id' | 'at'> & { senderId: string; at: number },
): void {
  db.prepare(
    'INSERT INTO outbox (at, issue_key, subject, text_body, html_body, recipients, sender_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    email.at,
    email.issueKey,
    email.subject,
    email.textBody,
    email.htmlBody,
    JSON.stringify(email.to),
    email.senderId,
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
    }));
}
