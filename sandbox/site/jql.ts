/**
 * The sandbox's JQL: a tokenizer and a recursive-descent parser for the part of JQL the app and its tests use.
 *
 *   query   := [or] [ORDER BY order (',' order)*]
 *   or      := and (OR and)*
 *   and     := unary (AND unary)*
 *   unary   := NOT unary | '(' or ')' | clause
 *   clause  := field ('=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~') value
 *            | field [NOT] IN '(' value (',' value)* ')'
 *            | field IS [NOT] (EMPTY | NULL)
 *   field   := name | issue.property '[' key ']' ('.' path)?
 *   value   := "string" | 'string' | word | number | name '(' ')'
 *
 * Which fields exist and which operators each takes is decided when compiling ({@link ./jql-sql}); the parser
 * knows only the grammar. Errors carry the position, as Jira's do.
 */

export type Field = { kind: 'field'; name: string } | { kind: 'property'; key: string; path: string };
export type Value = { kind: 'literal'; text: string; quoted: boolean } | { kind: 'function'; name: string };
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~';

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'compare'; field: Field; op: CompareOp; value: Value }
  | { kind: 'in'; field: Field; negated: boolean; values: Value[] }
  | { kind: 'empty'; field: Field; negated: boolean };

export interface OrderBy {
  /** The field's name in lower case, or `issue.property[key].path` for a property. */
  field: string;
  direction: 'ASC' | 'DESC';
  /** Set when ordering by `issue.property[key].path`. */
  property?: { key: string; path: string };
}

export interface Query {
  where: Expr | null;
  orderBy: OrderBy[];
}

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; text: string; at: number }
  | { type: 'property'; key: string; path: string; at: number }
  | { type: 'op'; text: CompareOp; at: number }
  | { type: 'punct'; text: '(' | ')' | ','; at: number }
  | { type: 'end'; at: number };

const WORD = /[\p{L}\p{N}_\-.@:]/u;
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'ORDER', 'BY', 'ASC', 'DESC']);

/**
 * Splits a JQL string into tokens.
 * @example tokenize('status = "En cours"').map((t) => t.type) //=> ['word', 'op', 'string', 'end']
 */
export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const start = i++;
      let text = '';
      while (i < jql.length && jql[i] !== c) {
        if (jql[i] === '\\' && i + 1 < jql.length) i++;
        text += jql[i++];
      }
      if (i >= jql.length)
        throw new JqlError(
          `Error in the JQL Query: The quoted string starting at character ${start + 1} is not closed.`,
        );
      i++;
      tokens.push({ type: 'string', text, at: start });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: 'punct', text: c, at: i++ });
    } else if (c === '!' && (jql[i + 1] === '=' || jql[i + 1] === '~')) {
      tokens.push({ type: 'op', text: jql[i + 1] === '=' ? '!=' : '!~', at: i });
      i += 2;
    } else if (c === '~') {
      tokens.push({ type: 'op', text: '~', at: i++ });
    } else if (c === '<' || c === '>') {
      const op = (jql[i + 1] === '=' ? c + '=' : c) as CompareOp;
      tokens.push({ type: 'op', text: op, at: i });
      i += op.length;
    } else if (c === '=') {
      tokens.push({ type: 'op', text: '=', at: i++ });
    } else if (WORD.test(c)) {
      const start = i;
      while (i < jql.length && WORD.test(jql[i]!)) i++;
      const word = jql.slice(start, i);
      if (word.toLowerCase() === 'issue.property' && jql[i] === '[') {
        const close = jql.indexOf(']', i);
        if (close < 0)
          throw new JqlError(
            `Error in the JQL Query: The property key starting at character ${i + 1} is not closed with ']'.`,
          );
        const key = jql.slice(i + 1, close).trim();
        i = close + 1;
        let path = '';
        if (jql[i] === '.') {
          const pathStart = ++i;
          while (i < jql.length && /[A-Za-z0-9_.]/.test(jql[i]!)) i++;
          path = jql.slice(pathStart, i);
        }
        if (!key) throw new JqlError(`Error in the JQL Query: The property key at character ${start + 1} is empty.`);
        tokens.push({ type: 'property', key, path, at: start });
      } else {
        tokens.push({ type: 'word', text: word, at: start });
      }
    } else {
      throw new JqlError(
        `Error in the JQL Query: The character '${c}' is a reserved JQL character (at character ${i + 1}).`,
      );
    }
  }
  tokens.push({ type: 'end', at: jql.length });
  return tokens;
}

/**
 * Parses a JQL query into its condition tree and its ORDER BY.
 * @example parseJql('project = SUP ORDER BY created DESC').orderBy //=> [{ field: 'created', direction: 'DESC' }]
 */
export function parseJql(jql: string): Query {
  return new Parser(tokenize(jql)).query();
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    const where = this.isKeyword('ORDER') || this.peek().type === 'end' ? null : this.or();
    const orderBy: OrderBy[] = [];
    if (this.isKeyword('ORDER')) {
      this.next();
      this.expectKeyword('BY');
      do {
        const field = this.next();
        const isName = field.type === 'word' && !KEYWORDS.has(field.text.toUpperCase());
        if (!isName && field.type !== 'property') throw this.unexpected(field, 'a field name to order by');
        let direction: OrderBy['direction'] = 'ASC';
        if (this.isKeyword('ASC') || this.isKeyword('DESC'))
          direction = (this.next() as { text: string }).text.toUpperCase() as OrderBy['direction'];
        if (field.type === 'property')
          orderBy.push({
            field: `issue.property[${field.key}]${field.path ? '.' + field.path : ''}`,
            direction,
            property: { key: field.key, path: field.path },
          });
        else orderBy.push({ field: (field as { text: string }).text.toLowerCase(), direction });
      } while (this.eatPunct(','));
    }
    const end = this.peek();
    if (end.type !== 'end') throw this.unexpected(end, 'AND, OR or ORDER BY');
    return { where, orderBy };
  }

  private or(): Expr {
    let left = this.and();
    while (this.isKeyword('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    while (this.isKeyword('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', expr: this.unary() };
    }
    if (this.eatPunct('(')) {
      const inner = this.or();
      if (!this.eatPunct(')')) throw this.unexpected(this.peek(), "')'");
      return inner;
    }
    return this.clause();
  }

  private clause(): Expr {
    const token = this.next();
    let field: Field;
    if (token.type === 'property') field = { kind: 'property', key: token.key, path: token.path };
    else if ((token.type === 'word' && !KEYWORDS.has(token.text.toUpperCase())) || token.type === 'string')
      field = { kind: 'field', name: token.text.toLowerCase() };
    else throw this.unexpected(token, 'a field name');

    const op = this.next();
    if (op.type === 'op') return { kind: 'compare', field, op: op.text, value: this.value() };
    if (op.type === 'word' && op.text.toUpperCase() === 'IS') {
      const negated = this.isKeyword('NOT');
      if (negated) this.next();
      const what = this.next();
      if (what.type !== 'word' || !['EMPTY', 'NULL'].includes(what.text.toUpperCase()))
        throw this.unexpected(what, 'EMPTY or NULL');
      return { kind: 'empty', field, negated };
    }
    if (op.type === 'word' && ['IN', 'NOT'].includes(op.text.toUpperCase())) {
      const negated = op.text.toUpperCase() === 'NOT';
      if (negated) this.expectKeyword('IN');
      if (!this.eatPunct('(')) throw this.unexpected(this.peek(), "'(' after IN");
      const values = [this.value()];
      while (this.eatPunct(',')) values.push(this.value());
      if (!this.eatPunct(')')) throw this.unexpected(this.peek(), "')' or ','");
      return { kind: 'in', field, negated, values };
    }
    throw this.unexpected(op, 'an operator (=, !=, <, <=, >, >=, ~, !~, IN, NOT IN, IS)');
  }

  private value(): Value {
    const token = this.next();
    if (token.type === 'string') return { kind: 'literal', text: token.text, quoted: true };
    if (token.type === 'word' && !KEYWORDS.has(token.text.toUpperCase())) {
      if (this.peek().type === 'punct' && (this.peek() as { text: string }).text === '(') {
        this.next();
        if (!this.eatPunct(')'))
          throw new JqlError(
            `Error in the JQL Query: The sandbox supports only functions without arguments, such as ${token.text}() (at character ${token.at + 1}).`,
          );
        return { kind: 'function', name: token.text };
      }
      return { kind: 'literal', text: token.text, quoted: false };
    }
    throw this.unexpected(token, 'a value');
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const token = this.tokens[this.pos]!;
    if (token.type !== 'end') this.pos++;
    return token;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.text.toUpperCase() === word;
  }

  private expectKeyword(word: string): void {
    const t = this.next();
    if (t.type !== 'word' || t.text.toUpperCase() !== word) throw this.unexpected(t, word);
  }

  private eatPunct(p: '(' | ')' | ','): boolean {
    const t = this.peek();
    if (t.type === 'punct' && t.text === p) {
      this.pos++;
      return true;
    }
    return false;
  }

  private unexpected(token: Token, expected: string): JqlError {
    const got = token.type === 'end' ? 'the end of the query' : `'${describe(token)}'`;
    return new JqlError(`Error in the JQL Query: Expecting ${expected} but got ${got}. (at character ${token.at + 1})`);
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'property':
      return `issue.property[${token.key}]${token.path ? '.' + token.path : ''}`;
    case 'end':
      return '';
    default:
      return token.text;
  }
}
