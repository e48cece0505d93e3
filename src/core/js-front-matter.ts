import { deepestLine } from './data-shape.js';
import {
  parse,
  parseExpressionAt,
  type Expression,
  type ModuleDeclaration,
  type Node,
  type ObjectExpression,
  type Pattern,
  type Program,
  type Statement,
} from 'acorn';

/** What a `---js` block gives: its data, or the problem that keeps the post out, at the file's line. */
export type JsFrontMatter =
  | {
      readonly ok: true;
      /** The top-level names whose values are literals, with those values. */
      readonly data: Record<string, unknown>;
      /** The file line of each name read, where a problem with its value is reported. */
      readonly keyLines: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * What to write for a field the bot reads, as a literal ("true or false"), by its lowercase name;
 * undefined for a field it ignores, which is left out quietly when its value is code.
 */
export type LiteralHint = (lowercaseName: string) => string | undefined;

/**
 * Front matter data is a few levels deep; past this a block is hostile, as YAML nested past what its
 * reader can follow is. Kept low so that the walk below never nears the stack's end.
 */
const MAX_NESTING = 64;

/**
 * How many values a `---js` block may declare or list, counted by the commas, semicolons and closing
 * braces after them (wherever they are): on one line, a name is declared only after one of those
 * (`var a, b;`, `class A {} class B {}`) or a line break, and the block has at most 1,000 lines
 * (U+2028 and U+2029 counted as breaks, as JavaScript reads them). A post's data has
 * tens; acorn's time grows with the square of the names one scope declares (a megabyte of them took
 * 43 s), and 10,000 take it a fraction of a second.
 */
const MAX_JS_VALUES = 10_000;

/** How many commas, semicolons and closing braces `block` holds. */
function separators(block: string): number {
  let count = 0;
  for (let at = 0; at < block.length; at++) {
    const code = block.charCodeAt(at);
    if (code === 44 || code === 59 || code === 125) count++;
  }
  return count;
}

/** A value that is code: left out of the data, never run. */
const CODE: unique symbol = Symbol('code');

/** A value nested past {@link MAX_NESTING}, at the file line where it goes too deep. */
class TooDeep extends Error {
  readonly line: number;
  constructor(line: number) {
    super('front matter nested too deeply');
    this.line = line;
  }
}

/** How acorn's message starts when it ran out of stack. */
const STACK_EXHAUSTED = 'Not enough stack space';

const PARSE_OPTIONS = { ecmaVersion: 'latest', locations: true, allowHashBang: true } as const;

/**
 * Reads Eleventy's JavaScript front matter (`---js`) as data without running any of it: the literal
 * values of the top-level `const`, `let` and `var` declarations (Eleventy 3), or of the one object
 * literal the block is (`{ title: "…" }`, the older form). Strings, numbers, booleans, null, template
 * literals without `${}`, arrays and objects of those, and `new Date("…")` as its text, are read;
 * any other value (a call, a name, a function) is code, left out, and a problem when the bot reads
 * that field (see `hintFor`). `block` is the text after `---js`, so that its lines are the file's.
 */
export function readJsFrontMatter(block: string, name: string, hintFor: LiteralHint): JsFrontMatter {
  if (separators(block) > MAX_JS_VALUES)
    return {
      ok: false,
      line: 1,
      message: `front matter: "---${name}" block declares or lists more than ${MAX_JS_VALUES.toLocaleString('en')} values; keep the post's data in it, and the rest in the site's data files`,
    };
  // Eleventy reads a block that opens with `{` as one object literal, any other as a program.
  const objectForm = block.trimStart().startsWith('{');
  let parsed: ObjectExpression | Program;
  try {
    parsed = objectForm ? parseObjectForm(block) : parseProgram(block);
  } catch (error) {
    // acorn recurses once per bracket: `[[[[…` thousands deep runs out of stack.
    if (error instanceof RangeError)
      return { ok: false, line: deepestLine(block), message: 'front matter nested too deeply' };
    if (!(error instanceof SyntaxError)) throw error;
    const { loc } = error as SyntaxError & { loc?: { line?: unknown } };
    const line = typeof loc?.line === 'number' ? loc.line : 1;
    // acorn catches most of those itself, and says so where it was.
    if (error.message.startsWith(STACK_EXHAUSTED))
      return { ok: false, line, message: 'front matter nested too deeply' };
    // acorn ends its message with the position, `(3:12)`: the line is said once.
    const reason = error.message.replace(/\s*\(\d+:\d+\)$/, '');
    return {
      ok: false,
      line,
      message: `front matter: "---${name}" block is not valid JavaScript at line ${line}: ${reason}`,
    };
  }
  const entries: Entry[] = [];
  try {
    // One at a time: a spread of a hundred thousand names would overflow the call stack.
    const found = parsed.type === 'ObjectExpression' ? [propertiesOf(parsed, 0)] : parsed.body.map(declared);
    for (const some of found) for (const entry of some) entries.push(entry);
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
  // A key written twice keeps its last value, as JavaScript does.
  const last = new Map<string, Entry>();
  // `var __proto__` would set the data's prototype: no field of ours has that name.
  for (const entry of entries) if (entry.key !== '__proto__') last.set(entry.key, entry);
  const code = [...last.values()].filter(({ value }) => value === CODE);
  for (const { key, line } of code.sort((a, b) => a.line - b.line)) {
    const hint = hintFor(key.toLowerCase());
    if (hint !== undefined)
      return {
        ok: false,
        line,
        message: `front matter: ${key}: its value is JavaScript, which the bot never runs; write it as a literal (${hint})`,
      };
  }
  const read = [...last.values()].filter(({ value }) => value !== CODE);
  return {
    ok: true,
    data: Object.fromEntries(read.map(({ key, value }) => [key, value])),
    keyLines: new Map(read.map(({ key, line }) => [key, line])),
  };
}

/** One top-level name and its value (or {@link CODE}), at its file line. */
interface Entry {
  readonly key: string;
  readonly value: unknown;
  readonly line: number;
}

/** A mistake acorn would report, at the file line of the token that is not allowed there. */
class Unexpected extends SyntaxError {
  readonly loc: { readonly line: number };
  constructor(line: number) {
    super('Unexpected token');
    this.loc = { line };
  }
}

/**
 * The one object literal a block that opens with `{` is, as gray-matter's `return <block>;` reads
 * it for Eleventy: a `;` and comments may follow it, nothing else (`{…}) + (1`, `{…} + 1`, a
 * second statement), which would be code.
 */
function parseObjectForm(block: string): ObjectExpression {
  const options = { ...PARSE_OPTIONS, sourceType: 'script' } as const;
  const start = block.length - block.trimStart().length;
  const expression = parseExpressionAt(block, start, options);
  // `{…} + 1` parses as one expression: the object is its innermost node at the start.
  let object: Node = expression;
  for (let inner = childAt(object, start); inner !== undefined; inner = childAt(inner, start)) object = inner;
  // The rest, blanked before the object's end so that acorn's lines are the file's.
  const before = block.slice(0, object.end).replace(/[^\n\r\u2028\u2029]/gu, ' ');
  const rest = parse(before + block.slice(object.end), options).body;
  const extra = rest.find((statement, index) => index > 0 || statement.type !== 'EmptyStatement');
  if (extra !== undefined || expression.type !== 'ObjectExpression')
    throw new Unexpected(extra?.loc?.start.line ?? 1);
  return expression;
}

/** The node directly under `node` that starts at `start`, if any (`{…}` under `{…}.a`). */
function childAt(node: Node, start: number): Node | undefined {
  for (const value of Object.values(node) as unknown[]) {
    const child: unknown = Array.isArray(value) ? value[0] : value;
    if (isNode(child) && child.start === start) return child;
  }
  return undefined;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'type' in value && 'start' in value;
}

/** The block as a module (as Eleventy runs it), else as a script (`with`, octal escapes). */
function parseProgram(block: string): Program {
  try {
    return parse(block, { ...PARSE_OPTIONS, sourceType: 'module' });
  } catch (moduleError) {
    if (!(moduleError instanceof SyntaxError)) throw moduleError;
    try {
      return parse(block, { ...PARSE_OPTIONS, sourceType: 'script' });
    } catch {
      // The module's mistake is the one to fix: Eleventy reads the block as one.
      throw moduleError;
    }
  }
}

/** The names a top-level statement declares, with their values; other statements give none. */
function declared(statement: Statement | ModuleDeclaration): Entry[] {
  const line = statement.loc?.start.line ?? 1;
  switch (statement.type) {
    case 'ExportNamedDeclaration':
      return statement.declaration ? declared(statement.declaration) : [];
    case 'VariableDeclaration':
      return statement.declarations.flatMap((declarator) => {
        const at = declarator.loc?.start.line ?? line;
        if (declarator.id.type !== 'Identifier')
          return boundNames(declarator.id, 0).map((key) => ({ key, value: CODE, line: at }));
        // `let title;` declares nothing to read.
        if (!declarator.init) return [];
        // `using` runs a disposer: never data.
        const plain = statement.kind === 'const' || statement.kind === 'let' || statement.kind === 'var';
        return [{ key: declarator.id.name, value: plain ? literal(declarator.init, 0) : CODE, line: at }];
      });
    // Functions are Eleventy's filters, classes no data: left out.
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      return [{ key: statement.id.name, value: CODE, line }];
    case 'ExpressionStatement': {
      // `title = "b"` after `let title = "a"`: the last value written at the top level is the one.
      const { expression } = statement;
      if (expression.type !== 'AssignmentExpression' || expression.left.type !== 'Identifier') return [];
      const value = expression.operator === '=' ? literal(expression.right, 0) : CODE;
      return [{ key: expression.left.name, value, line }];
    }
    default:
      return [];
  }
}

/** The names a destructuring pattern binds (`const { title } = …`): their values are code. */
function boundNames(pattern: Pattern, depth: number): string[] {
  if (depth > MAX_NESTING) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) =>
        boundNames(property.type === 'RestElement' ? property.argument : property.value, depth + 1),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? boundNames(element, depth + 1) : []));
    case 'RestElement':
      return boundNames(pattern.argument, depth + 1);
    case 'AssignmentPattern':
      return boundNames(pattern.left, depth + 1);
    default:
      return [];
  }
}

/**
 * An object literal's own keys and values, `depth` deep: a getter or a method is code; a computed
 * key or a spread is left out, as no key can be read without running it.
 */
function propertiesOf(object: ObjectExpression, depth: number): Entry[] {
  const entries: Entry[] = [];
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const { key } = property;
    const name =
      key.type === 'Identifier'
        ? key.name
        : key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')
          ? String(key.value)
          : undefined;
    // `__proto__: x` sets the object's prototype in JavaScript: it is no key.
    if (name === undefined || name === '__proto__') continue;
    const value = property.kind === 'init' && !property.method ? literal(property.value, depth + 1) : CODE;
    entries.push({ key: name, value, line: property.loc?.start.line ?? 1 });
  }
  return entries;
}

/** The value a literal expression writes, or {@link CODE} for anything that would have to run. */
function literal(node: Expression, depth: number): unknown {
  if (depth > MAX_NESTING) throw new TooDeep(node.loc?.start.line ?? 1);
  switch (node.type) {
    case 'Literal':
      // A RegExp or a BigInt is no data the front matter holds.
      return node.value === null || ['string', 'number', 'boolean'].includes(typeof node.value)
        ? node.value
        : CODE;
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? (node.quasis[0]?.value.cooked ?? CODE) : CODE;
    case 'UnaryExpression':
      return node.operator === '-' &&
        node.argument.type === 'Literal' &&
        typeof node.argument.value === 'number'
        ? -node.argument.value
        : CODE;
    case 'ArrayExpression': {
      const values: unknown[] = [];
      for (const element of node.elements) {
        const value =
          element === null || element.type === 'SpreadElement' ? CODE : literal(element, depth + 1);
        if (value === CODE) return CODE;
        values.push(value);
      }
      return values;
    }
    case 'ObjectExpression': {
      // A spread or a computed key brings keys that only running it would tell.
      if (node.properties.some((property) => property.type === 'SpreadElement' || property.computed))
        return CODE;
      const object: Record<string, unknown> = {};
      for (const { key, value } of propertiesOf(node, depth)) {
        if (value === CODE) return CODE;
        object[key] = value;
      }
      return object;
    }
    case 'NewExpression': {
      // `new Date("2023-01-23")` names the day its text does.
      const [argument, ...more] = node.arguments;
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'Date' || more.length > 0) return CODE;
      if (argument === undefined || argument.type === 'SpreadElement') return CODE;
      const text = literal(argument, depth + 1);
      return typeof text === 'string' ? text : CODE;
    }
    default:
      return CODE;
  }
}
