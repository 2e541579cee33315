/**
 * ADF read as plain text. Node and mark shapes from developer.atlassian.com/cloud/jira/platform/apis/document/
 * (structure, and the node pages: text + link mark, inlineCard, mention, emoji, date, status, mediaSingle +
 * media, mediaGroup, mediaInline, bulletList, orderedList, codeBlock, blockquote, table, panel, expand, rule).
 */
import fc from 'fast-check';
import { adfFromText, hasMedia, textFromAdf, type AdfNode } from './adf';

const doc = (...content: AdfNode[]) => ({ type: 'doc', version: 1, content });
const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (t: string, href?: string): AdfNode =>
  href ? { type: 'text', text: t, marks: [{ type: 'link', attrs: { href } }] } : { type: 'text', text: t };
const image = (alt?: string): AdfNode => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [{ type: 'media', attrs: { id: 'a1b2', type: 'file', collection: 'jira-10001', ...(alt ? { alt } : {}) } }],
});

describe('textFromAdf', () => {
  it('keeps a pasted link (the text is its own target) once', () => {
    const body = doc(
      p(text('See the knowledge-base article: '), text('https://kb.example/42', 'https://kb.example/42')),
    );
    expect(textFromAdf(body, 'en')).toBe('See the knowledge-base article: https://kb.example/42');
  });

  it('follows a linked text with its target, once for a run split by formatting', () => {
    const bold = {
      type: 'text',
      text: 'KB',
      marks: [{ type: 'strong' }, { type: 'link', attrs: { href: 'https://kb.example/7' } }],
    };
    const body = doc(
      p(text('Read '), text('the ', 'https://kb.example/7'), bold, text(' article', 'https://kb.example/7'), text('.')),
    );
    expect(textFromAdf(body, 'en')).toBe('Read the KB article (https://kb.example/7).');
  });

  it('writes a mail link as its address', () => {
    const body = doc(p(text('Write to '), text('ops@acme.example', 'mailto:ops@acme.example')));
    expect(textFromAdf(body, 'en')).toBe('Write to ops@acme.example');
  });

  it('keeps smart links, mentions, emoji, dates and statuses', () => {
    const body = doc(
      p(
        { type: 'mention', attrs: { id: '5b10a2844c20165700ede21g', text: '@Alice Martin', accessLevel: '' } },
        text(' will check '),
        { type: 'inlineCard', attrs: { url: 'https://status.example/incident/9' } },
        text(' '),
        { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
      ),
      p(text('Due '), { type: 'date', attrs: { timestamp: String(Date.UTC(2026, 11, 24)) } }, text(' '), {
        type: 'status',
        attrs: { text: 'BLOCKED', color: 'red' },
      }),
      { type: 'blockCard', attrs: { url: 'https://docs.example/upgrade' } },
    );
    expect(textFromAdf(body, 'en')).toBe(
      '@Alice Martin will check https://status.example/incident/9 😄\n\nDue 24 December 2026 [BLOCKED]\n\nhttps://docs.example/upgrade',
    );
    expect(textFromAdf(body, 'fr')).toContain('24 décembre 2026');
  });

  it('names a mention without its text, and an image or an attachment where it stood, in the reader language', () => {
    expect(textFromAdf(doc(p({ type: 'mention', attrs: { id: 'x' } })), 'en')).toBe('@someone');
    expect(textFromAdf(doc(image('capture.png')), 'en')).toBe('[Image: capture.png]');
    expect(textFromAdf(doc(image()), 'fr')).toBe('[Image]');
    expect(textFromAdf(doc(image('capture.png')), 'fr')).toBe('[Image\u00a0: capture.png]');
    const files: AdfNode = {
      type: 'mediaGroup',
      content: [
        { type: 'media', attrs: { id: 'f1', type: 'file', collection: 'c', alt: 'logs.zip' } },
        { type: 'media', attrs: { id: 'f2', type: 'file', collection: 'c' } },
      ],
    };
    expect(textFromAdf(doc(files), 'en')).toBe('[Attachment: logs.zip]\n[Attachment]');
    const external: AdfNode = {
      type: 'mediaSingle',
      content: [{ type: 'media', attrs: { type: 'external', url: 'https://img.example/a.png' } }],
    };
    expect(textFromAdf(doc(external), 'en')).toBe('[Image] https://img.example/a.png');
    expect(
      textFromAdf(
        doc(
          p(text('See '), { type: 'mediaInline', attrs: { id: 'm', type: 'file', collection: 'c', name: 'spec.pdf' } }),
        ),
        'en',
      ),
    ).toBe('See [Attachment: spec.pdf]');
  });

  it('keeps the shape of lists, code, quotes, tables, panels and expands', () => {
    const list: AdfNode = {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(text('first'))] },
        {
          type: 'listItem',
          content: [
            p(text('second')),
            { type: 'orderedList', attrs: { order: 3 }, content: [{ type: 'listItem', content: [p(text('nested'))] }] },
          ],
        },
      ],
    };
    const table: AdfNode = {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [p(text('Host'))] },
            { type: 'tableHeader', content: [p(text('State'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(text('db1'))] },
            { type: 'tableCell', content: [p(text('down'))] },
          ],
        },
      ],
    };
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Steps')] },
      list,
      { type: 'codeBlock', attrs: { language: 'bash' }, content: [text('systemctl restart jira\ntail -f log')] },
      { type: 'blockquote', content: [p(text('quoted'))] },
      { type: 'rule' },
      table,
      { type: 'panel', attrs: { panelType: 'info' }, content: [p(text('Note'))] },
      { type: 'expand', attrs: { title: 'Details' }, content: [p(text('hidden'))] },
      {
        type: 'taskList',
        attrs: { localId: 't' },
        content: [
          { type: 'taskItem', attrs: { localId: 'a', state: 'DONE' }, content: [text('backup')] },
          { type: 'taskItem', attrs: { localId: 'b', state: 'TODO' }, content: [text('upgrade')] },
        ],
      },
    );
    expect(textFromAdf(body, 'en')).toBe(
      [
        'Steps',
        '- first\n- second\n  3. nested',
        'systemctl restart jira\ntail -f log',
        '> quoted',
        '---',
        'Host | State\ndb1 | down',
        'Note',
        'Details\nhidden',
        '[x] backup\n[ ] upgrade',
      ].join('\n\n'),
    );
  });

  it('reads what is not ADF as no text, and a string as itself', () => {
    expect(textFromAdf(null, 'en')).toBe('');
    expect(textFromAdf(42, 'en')).toBe('');
    expect(textFromAdf({ type: 'doc', content: 'nope' }, 'en')).toBe('');
    expect(
      textFromAdf(
        { type: 'doc', version: 1, content: [null, 7, { type: 'paragraph', content: [{ type: 'text' }] }] },
        'en',
      ),
    ).toBe('');
    expect(textFromAdf('plain', 'en')).toBe('plain');
  });

  it('reads back the plain text the app writes (property)', () => {
    const line = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => !s.includes('\n') && s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.array(fc.array(line, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (paras) => {
        const written = paras.map((lines) => lines.join('\n')).join('\n\n');
        expect(textFromAdf(adfFromText(written), 'en')).toBe(written);
      }),
    );
  });
});

describe('hasMedia', () => {
  it('finds an image or an attachment anywhere in the document', () => {
    expect(hasMedia(doc(image()))).toBe(true);
    expect(hasMedia(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [image()] }] }))).toBe(true);
    expect(hasMedia(doc(p(text('no media'))))).toBe(false);
    expect(hasMedia('text')).toBe(false);
  });
});
