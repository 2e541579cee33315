/**
 * Decisions as data: what the rules want done, each with a deterministic idempotency key
 * (request, rule, occurrence) that the shell checks in its ledger before acting.
 */
import type { CanonicalStatus } from './workflow';

/** Who receives a notification, in Jira's `/notify` terms. */
export interface NotifyRecipients {
  reporter?: boolean;
  accountIds?: string[];
  groupNames?: string[];
}

/** An Atlassian Document Format document (the body of a comment). */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}

/**
 * What every action carries: its idempotency key, its request and, when it only makes sense after another action
 * of the same list succeeded (the comment announcing a close needs the close), that action's key.
 */
interface ActionBase {
  key: string;
  issueKey: string;
  requires?: string;
}

/**
 * Who a comment or a move is made as: the app (the default), or the person whose resolver call decided it (an
 * agent's panel action, with their name on it). An action made as the user is never re-queued: the queue's
 * consumer runs as the app, so it fails back to that person instead.
 */
type As = { as?: 'user' };

export type Action =
  | (ActionBase & { type: 'notify'; to: NotifyRecipients; subject: string; textBody: string; htmlBody?: string })
  | (ActionBase & As & { type: 'comment'; body: AdfDocument; internal: boolean })
  | (ActionBase & As & { type: 'transition'; toStatus: CanonicalStatus; resolution?: string })
  | (ActionBase & { type: 'setProperty'; propertyKey: string; value: unknown });

/**
 * Joins the parts of an idempotency key: request, rule, occurrence.
 * @example actionKey('SUP-1', 'status-notify', '10023') //=> 'SUP-1:status-notify:10023'
 */
export function actionKey(...parts: (string | number)[]): string {
  return parts.map(String).join(':');
}

/**
 * Plain text (paragraphs separated by blank lines) as an ADF document.
 * @example adfFromText('Hello\n\nBye').content.length //=> 2
 */
export function adfFromText(text: string): AdfDocument {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => {
      const lines = p.split('\n');
      const content: AdfNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line !== '') content.push({ type: 'text', text: line });
      });
      return { type: 'paragraph', content };
    }),
  };
}

/**
 * The plain text of an ADF document (or of a plain string), paragraphs separated by blank lines.
 * @example textFromAdf(adfFromText('a\n\nb')) //=> 'a\n\nb'
 */
export function textFromAdf(body: unknown): string {
  if (typeof body === 'string') return body;
  const walk = (node: AdfNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    const inner = (node.content ?? []).map(walk);
    return ['paragraph', 'heading', 'blockquote', 'listItem', 'codeBlock'].includes(node.type)
      ? inner.join('')
      : inner.join('\n\n');
  };
  if (!body || typeof body !== 'object') return '';
  const doc = body as AdfNode;
  return (doc.content ?? []).map(walk).join('\n\n');
}
