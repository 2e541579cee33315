/**
 * One home per rule, checked on the source text: the language is chosen by one policy and texts live in one
 * catalog (no `=== 'fr' ?` ternary anywhere else); the canonical statuses, their names and the weekdays are
 * defined once in src/domain, which the screens import through src/shared/contracts.ts; the README's layout
 * section names what the tree holds. String literals are read with TypeScript's own parser, so comments and
 * doc examples do not count.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import ts from 'typescript';
import { WEEKDAYS } from '../../src/domain/business-week';
import { CANONICAL_STATUSES, STATUS_NAMES } from '../../src/domain/workflow';

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) ? [path.split(sep).join('/')] : [];
  });
}

const ALL = ['src', 'static', 'sandbox', 'test', 'bench'].flatMap(filesUnder);
/** The app's own code: what runs in Forge and in the screens (not its tests, nor the sandbox standing in for Jira). */
const APP = ALL.filter((f) => /^(src|static)\//.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('__tests__'));

/** The string literals of a file, with their line, as TypeScript parses them. */
function literals(file: string): Array<{ text: string; line: number; inArray: ts.ArrayLiteralExpression | null }> {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ text: string; line: number; inArray: ts.ArrayLiteralExpression | null }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found.push({
        text: node.text,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        inArray: ts.isArrayLiteralExpression(node.parent) ? node.parent : null,
      });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it("has no `=== 'fr' ?` ternary outside the text catalog", () => {
  const ternary = /[!=]==\s*['"](fr|en)['"]\s*\)?\s*\?/;
  const offenders = ALL.filter((f) => !f.startsWith('src/domain/texts/') && f !== 'test/architecture/one-home.test.ts')
    .filter((f) => ternary.test(readFileSync(join(ROOT, f), 'utf8').replace(/\s+/g, ' ')))
    .sort();
  expect(offenders).toEqual([]);
});

it('names the statuses once: their French and English names are written only in src/domain/workflow.ts', () => {
  const names = new Set(Object.values(STATUS_NAMES).flatMap((n) => Object.values(n)));
  const offenders = APP.filter((f) => f !== 'src/domain/workflow.ts').flatMap((f) =>
    literals(f)
      .filter((l) => names.has(l.text))
      .map((l) => `${f}:${l.line} '${l.text}'`),
  );
  expect(offenders).toEqual([]);
});

it('lists the canonical statuses and the weekdays once, in src/domain', () => {
  const lists: Array<[string, readonly string[], string]> = [
    ['canonical statuses', CANONICAL_STATUSES, 'src/domain/workflow.ts'],
    ['weekdays', WEEKDAYS, 'src/domain/business-week.ts'],
  ];
  for (const [what, members, home] of lists) {
    const set = new Set<string>(members);
    const restated = APP.filter((f) => f !== home).flatMap((f) => {
      const arrays = new Map<ts.ArrayLiteralExpression, number>();
      for (const l of literals(f)) if (l.inArray && set.has(l.text)) arrays.set(l.inArray, l.line);
      // A list of three or more of them is the list restated (a pair such as ['resolved', 'closed'] is a choice).
      return [...arrays]
        .filter(([array]) => literalsOf(array).filter((t) => set.has(t)).length >= 3)
        .map(([, line]) => `${f}:${line}`);
    });
    expect({ what, restated }).toEqual({ what, restated: [] });
  }
});

function literalsOf(array: ts.ArrayLiteralExpression): string[] {
  return array.elements.filter((e): e is ts.StringLiteral => ts.isStringLiteral(e)).map((e) => e.text);
}

it('imports the domain into the screens only through src/shared/contracts.ts', () => {
  const offenders = APP.filter((f) => f.startsWith('static/')).flatMap((f) =>
    [...readFileSync(join(ROOT, f), 'utf8').matchAll(/from '(\.[^']*)'/g)]
      .map((m) =>
        relative(ROOT, resolve(ROOT, dirname(f), m[1]!))
          .split(sep)
          .join('/'),
      )
      .filter((target) => target.startsWith('src/') && target !== 'src/shared/contracts')
      .map((target) => `${f}: ${target}`),
  );
  expect(offenders).toEqual([]);
});

describe("the README's layout section", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  /** The paths the block names: a top-level entry, or an indented one under the last folder named. */
  const named: string[] = [];
  let folder = '';
  for (const line of block.split('\n')) {
    const match = /^(\s*)(\S+)\s/.exec(`${line} `);
    if (!match || line.trim() === '' || /^\s{8,}/.test(line)) continue;
    const [, indent, path] = match;
    if (indent === '') {
      named.push(path!);
      if (path!.endsWith('/')) folder = path!;
    } else named.push(folder + path);
  }

  it('names only what exists', () => {
    const missing = named.filter((p) => !p.includes('<') && !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('names every module of src/domain and every folder of src', () => {
    const domain = readdirSync(join(ROOT, 'src/domain'))
      .filter((n) => !n.endsWith('.test.ts') && n !== '__tests__')
      .map((n) => `src/domain/${n}${statSync(join(ROOT, 'src/domain', n)).isDirectory() ? '/' : ''}`);
    const src = readdirSync(join(ROOT, 'src'))
      .filter((n) => statSync(join(ROOT, 'src', n)).isDirectory() && n !== 'domain')
      .map((n) => `src/${n}/`);
    const said = new Set(named.map((p) => p.replace(/\/$/, '')));
    const unsaid = [...domain, ...src].filter(
      (p) => !said.has(p.replace(/\/$/, '')) && ![...said].some((s) => s.startsWith(p.replace(/\/$/, '') + '/')),
    );
    expect(unsaid).toEqual([]);
  });
});
