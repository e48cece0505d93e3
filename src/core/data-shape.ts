/**
 * Bounds on data read from front matter or a site's configuration, checked before anything walks it:
 * the readers' own walks (TOML's dates, a cascade's values) and JSON.stringify (a cascade is part of
 * each page's key) recurse once per level, and YAML's aliases make a few lines stand for billions of
 * values (`&a [x, x, …]`, `&b [*a, *a, …]`, …) once they are written out.
 */

/** Levels of lists and mappings: far deeper than any front matter or configuration (a few levels). */
export const MAX_DATA_DEPTH = 64;
/** Values, counted as often as aliases reach them: far more than any front matter or configuration holds. */
export const MAX_DATA_VALUES = 100_000;

/**
 * Why data is refused: nested too deep, too many values once its aliases are written out, or an
 * alias inside what it names (YAML's `&x [1, *x]`), which would be written out forever.
 */
export type DataShapeProblem = 'deep' | 'large' | 'cycle';

/** What is wrong, as a problem's message says it (`nested more than 64 levels deep`). */
const REASONS: Readonly<Record<DataShapeProblem, string>> = {
  deep: `nested more than ${MAX_DATA_DEPTH} levels deep`,
  cycle: 'holds itself through a YAML alias (*name)',
  large: `holds more than ${MAX_DATA_VALUES.toLocaleString('en')} values once its YAML aliases (*name) are written out`,
};

/** What to do about it. */
const FIXES: Readonly<Record<DataShapeProblem, string>> = {
  deep: 'flatten it',
  large: 'shorten it',
  cycle: 'remove that alias',
};

/** What is wrong and what to do, of data the problem's place names (a `cascade` field). */
export function shapeMessage(problem: DataShapeProblem): string {
  return `${REASONS[problem]}: ${FIXES[problem]}`;
}

/** A front matter's problem: what is wrong, and what to do. */
export function dataShapeMessage(problem: DataShapeProblem): string {
  return `front matter ${shapeMessage(problem)}`;
}

/** Thrown by readers that walk what they read (see parseTomlData): the data's shape is refused. */
export class DataShapeError extends Error {
  readonly problem: DataShapeProblem;
  constructor(problem: DataShapeProblem) {
    super(REASONS[problem]);
    this.problem = problem;
  }
}

interface Frame {
  readonly node: object;
  readonly children: readonly unknown[];
  next: number;
  /** Levels below this node so far, and values in it (itself included), aliases written out. */
  depth: number;
  values: number;
}

/**
 * What is wrong with the shape of `data`, if anything: levels below it (it is none), and values
 * unless `countValues` is false (TOML, which has no aliases, holds no more than its text shows).
 * Walked without recursion; a list or mapping reached again (an alias) is walked once and counted
 * each time, so a bomb of aliases costs what its text does.
 */
export function dataShapeProblem(data: unknown, { countValues = true } = {}): DataShapeProblem | undefined {
  const maxValues = countValues ? MAX_DATA_VALUES : Number.POSITIVE_INFINITY;
  if (typeof data !== 'object' || data === null) return undefined;
  const shapes = new Map<object, { depth: number; values: number }>();
  const open = new Set<object>([data]);
  const frame = (node: object): Frame => ({
    node,
    children: Object.values(node),
    next: 0,
    depth: 0,
    values: 1,
  });
  const stack: Frame[] = [frame(data)];
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const child = top.children[top.next++];
    if (top.next <= top.children.length) {
      if (typeof child !== 'object' || child === null) {
        if (++top.values > maxValues) return 'large';
        continue;
      }
      if (open.has(child)) return 'cycle';
      const known = shapes.get(child);
      if (known === undefined) {
        if (stack.length > MAX_DATA_DEPTH) return 'deep';
        open.add(child);
        stack.push(frame(child));
        continue;
      }
      if (stack.length - 1 + known.depth > MAX_DATA_DEPTH) return 'deep';
      top.depth = Math.max(top.depth, known.depth);
      top.values += known.values;
      if (top.values > maxValues) return 'large';
      continue;
    }
    stack.pop();
    open.delete(top.node);
    const shape = { depth: top.depth + 1, values: top.values };
    shapes.set(top.node, shape);
    const parent = stack.at(-1);
    if (parent !== undefined) {
      parent.depth = Math.max(parent.depth, shape.depth);
      parent.values += shape.values;
      if (parent.values > maxValues) return 'large';
    }
  }
  return undefined;
}

/**
 * The file line where a block nests deepest, for a block too deep to read: brackets still open, and
 * the indentation and list markers (YAML's `- - -`, or JavaScript's `- - -1`) of its lines, counted
 * together.
 */
export function deepestLine(block: string): number {
  let brackets = 0;
  let deepest = { depth: -1, line: 1 };
  for (const [index, text] of block.split('\n').entries()) {
    let peak = brackets;
    for (const char of text) {
      if (char === '[' || char === '{' || char === '(') peak = Math.max(peak, ++brackets);
      else if (char === ']' || char === '}' || char === ')') brackets--;
    }
    const markers = /^[\s-]*/.exec(text)?.[0].length ?? 0;
    const depth = Math.max(peak, markers);
    if (depth > deepest.depth) deepest = { depth, line: index + 1 };
  }
  return deepest.line;
}
