/**
 * Jira's wire formats: its timestamp format and Atlassian Document Format (ADF) text conversions.
 */

/** An ADF document (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/). */
export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
  version?: number;
}

/**
 * Jira's date-time format: milliseconds and a `+0000` offset.
 * @example jiraDate(Date.UTC(2026, 10, 28, 9, 15, 2, 123)) //=> '2026-11-28T09:15:02.123+0000'
 */
export function jiraDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/**
 * A plain text as an ADF document, one paragraph per line block.
 * @example textToAdf('Hello') //=> { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] }
 */
export function textToAdf(text: string): AdfNode {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

/**
 * The text of an ADF document: paragraphs separated by a blank line, hard breaks as newlines.
 * @example adfToText(textToAdf('a\n\nb')) //=> 'a\n\nb'
 */
export function adfToText(node: AdfNode | null | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(adfToText);
  const blockContainer =
    node.type === 'doc' || node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'listItem';
  return inner.join(blockContainer ? '\n\n' : '');
}

/**
 * True when a value is an ADF document (what REST v3 takes for comment bodies and descriptions).
 * @example isAdfDocument({ type: 'doc', version: 1, content: [] }) //=> true
 */
export function isAdfDocument(value: unknown): value is AdfNode {
  const v = value as AdfNode | null;
  return !!v && typeof v === 'object' && v.type === 'doc' && Array.isArray(v.content);
}

/**
 * True when an ADF document holds nothing to read: no text but blanks, no mention, emoji, media or other node.
 * @example isEmptyAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [] }] }) //=> true
 */
export function isEmptyAdf(node: AdfNode): boolean {
  if (node.type === 'text') return !(node.text ?? '').trim();
  if (!['doc', 'paragraph', 'hardBreak'].includes(node.type)) return false;
  return (node.content ?? []).every(isEmptyAdf);
}
