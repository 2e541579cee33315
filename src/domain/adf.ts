/**
 * Atlassian Document Format (ADF), the rich text of Jira comments, as the app writes it (plain paragraphs) and
 * reads it back as plain text for an email, a reminder or the portal: links keep their target, linked text is
 * followed by its address, mentions keep the person's name, cards their URL, images and attachments are named
 * where they stood, lists, quotes, tables and task items keep their shape. Node and mark names and attributes
 * follow https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/ (and its node pages).
 * Pure: no I/O; any JSON is accepted (what is not ADF reads as no text).
 */
import type { Language } from './language';
import { textsFor } from './texts';

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

type Words = ReturnType<typeof textsFor>['adf'];

function nodesOf(value: unknown): AdfNode[] {
  return Array.isArray(value) ? value.filter((n): n is AdfNode => !!n && typeof n === 'object') : [];
}

function attr(node: AdfNode, name: string): string | null {
  const value = node.attrs?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function cardUrl(node: AdfNode): string | null {
  const data = node.attrs?.data as { url?: unknown } | undefined;
  return attr(node, 'url') ?? (typeof data?.url === 'string' ? data.url : null);
}

function linkOf(node: AdfNode): string | null {
  const mark = (Array.isArray(node.marks) ? node.marks : []).find((m) => m?.type === 'link');
  const href = mark?.attrs?.href;
  return typeof href === 'string' && href.trim() !== '' ? href.trim() : null;
}

/** A media item: an image (in a mediaSingle) or a file (in a mediaGroup, or inline), by its name when known. */
function mediaText(node: AdfNode, words: Words, asImage: boolean): string {
  const url = node.attrs?.type === 'external' ? attr(node, 'url') : null;
  if (url) return `${words.image(attr(node, 'alt'))} ${url}`;
  const name = attr(node, 'alt') ?? attr(node, 'name');
  return asImage ? words.image(name) : words.attachment(name);
}

function dateText(node: AdfNode, lang: Language): string {
  const ms = Number(node.attrs?.timestamp);
  if (!Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat(textsFor(lang).longDateLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(ms));
}

/** One inline node (text without its link, which {@link inline} adds once per linked run). */
function inlineNode(node: AdfNode, lang: Language, words: Words): string {
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'hardBreak':
      return '\n';
    case 'mention': {
      const name = attr(node, 'text');
      return name ? (name.startsWith('@') ? name : `@${name}`) : `@${words.someone}`;
    }
    case 'emoji':
      return attr(node, 'text') ?? attr(node, 'shortName') ?? '';
    case 'inlineCard':
      return cardUrl(node) ?? '';
    case 'date':
      return dateText(node, lang);
    case 'status':
      return attr(node, 'text') ? `[${attr(node, 'text')}]` : '';
    case 'mediaInline':
      return mediaText(node, words, false);
    case 'placeholder':
    case 'inlineExtension':
      return '';
    default:
      return node.content ? inline(nodesOf(node.content), lang, words) : typeof node.text === 'string' ? node.text : '';
  }
}

/** Inline content; a run of nodes linked to one target is followed by that target, unless it reads as it already. */
function inline(nodes: AdfNode[], lang: Language, words: Words): string {
  let out = '';
  let run = '';
  let href: string | null = null;
  const closeRun = () => {
    if (href === null) return;
    const shown = run.trim();
    const bare = href.replace(/^mailto:/i, '');
    out += shown === '' ? href : shown === href || shown === bare ? '' : ` (${href})`;
    href = null;
    run = '';
  };
  for (const node of nodes) {
    const link = node.type === 'text' ? linkOf(node) : null;
    if (link !== href) closeRun();
    const text = inlineNode(node, lang, words);
    out += text;
    if (link !== null) {
      href = link;
      run += text;
    }
  }
  closeRun();
  return out;
}

function indent(text: string, prefix: string): string {
  const pad = ' '.repeat(prefix.length);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix + line : line === '' ? '' : pad + line))
    .join('\n');
}

function blocks(nodes: AdfNode[], lang: Language, words: Words, separator = '\n\n'): string {
  return nodes
    .map((n) => block(n, lang, words))
    .filter((text) => text.trim() !== '')
    .join(separator);
}

function listItems(node: AdfNode, lang: Language, words: Words, marker: (i: number) => string): string {
  return nodesOf(node.content)
    .map((item, i) => indent(blocks(nodesOf(item.content), lang, words, '\n'), marker(i)))
    .join('\n');
}

function block(node: AdfNode, lang: Language, words: Words): string {
  const content = nodesOf(node.content);
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inline(content, lang, words);
    case 'codeBlock':
      return content.map((n) => (typeof n.text === 'string' ? n.text : '')).join('');
    case 'blockquote':
      return blocks(content, lang, words)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'bulletList':
      return listItems(node, lang, words, () => '- ');
    case 'orderedList': {
      const start = Number(node.attrs?.order);
      const first = Number.isInteger(start) && start >= 0 ? start : 1;
      return listItems(node, lang, words, (i) => `${first + i}. `);
    }
    case 'taskList':
      return content
        .map((item) =>
          item.type === 'taskItem'
            ? `${item.attrs?.state === 'DONE' ? '[x]' : '[ ]'} ${inline(nodesOf(item.content), lang, words)}`
            : indent(block(item, lang, words), '  '),
        )
        .join('\n');
    case 'decisionList':
      return content.map((item) => `- ${inline(nodesOf(item.content), lang, words)}`).join('\n');
    case 'rule':
      return '---';
    case 'table':
      return content
        .map((row) =>
          nodesOf(row.content)
            .map((cell) => blocks(nodesOf(cell.content), lang, words, ' ').replace(/\s*\n\s*/g, ' '))
            .join(' | '),
        )
        .join('\n');
    case 'mediaSingle':
      return content
        .map((n) => (n.type === 'media' ? mediaText(n, words, true) : block(n, lang, words)))
        .filter((t) => t !== '')
        .join('\n');
    case 'mediaGroup':
      return content.map((n) => mediaText(n, words, false)).join('\n');
    case 'media':
      return mediaText(node, words, true);
    case 'caption':
      return inline(content, lang, words);
    case 'blockCard':
    case 'embedCard':
      return cardUrl(node) ?? '';
    case 'expand':
    case 'nestedExpand': {
      const title = attr(node, 'title');
      return [title ?? '', blocks(content, lang, words)].filter((t) => t !== '').join('\n');
    }
    case 'extension':
      return '';
    default:
      if (content.length === 0) return typeof node.text === 'string' ? node.text : '';
      return content.every((n) => INLINE.has(n.type)) ? inline(content, lang, words) : blocks(content, lang, words);
  }
}

const INLINE = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'date',
  'status',
  'mediaInline',
  'placeholder',
  'inlineExtension',
]);

/**
 * The plain text of an ADF document (or of a plain string), paragraphs separated by blank lines: a link's
 * target follows its text, a mention keeps the name, an image or attachment is named where it stood (in the
 * reader's language).
 * @example textFromAdf(adfFromText('a\n\nb'), 'en') //=> 'a\n\nb'
 * @example textFromAdf({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'the article', marks: [{ type: 'link', attrs: { href: 'https://kb.example/42' } }] }] }] }, 'en')
 *   //=> 'the article (https://kb.example/42)'
 */
export function textFromAdf(body: unknown, lang: Language): string {
  if (typeof body === 'string') return body;
  if (!body || typeof body !== 'object') return '';
  const words = textsFor(lang).adf;
  return blocks(nodesOf((body as AdfNode).content), lang, words).trim();
}

/**
 * True when a document holds an image or an attachment (which an email can only name, not show).
 * @example hasMedia({ type: 'doc', version: 1, content: [{ type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'x', type: 'file', collection: '' } }] }] }) //=> true
 */
export function hasMedia(body: unknown): boolean {
  const walk = (node: AdfNode): boolean =>
    node.type === 'media' || node.type === 'mediaInline' || nodesOf(node.content).some(walk);
  return !!body && typeof body === 'object' && nodesOf((body as AdfNode).content).some(walk);
}
