import { parse, type Node, type Program } from 'acorn';

/*
 * The input folder an Eleventy configuration sets, read from its text as data (never run): the
 * `dir: { input: "content" }` of the object it returns or exports (Eleventy 2 and 3), or its
 * `eleventyConfig.setInputDirectory("content")` (Eleventy 3). Only a literal text is taken.
 */

/** The input folder the configuration `source` sets, as written; undefined when it sets none it says plainly. */
export function eleventyInputOf(source: string): string | undefined {
  const program = parsed(source);
  if (program === undefined) return undefined;
  const stack: unknown[] = [program];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!isNode(value)) continue;
    const found = inputOf(value);
    if (found !== undefined) return found;
    for (const [key, child] of Object.entries(value))
      if (key !== 'loc' && typeof child === 'object' && child !== null) stack.push(child);
  }
  return undefined;
}

function parsed(source: string): Program | undefined {
  for (const sourceType of ['module', 'script'] as const) {
    try {
      return parse(source, { ecmaVersion: 'latest', sourceType, allowHashBang: true });
    } catch {
      // A TypeScript configuration, or one that is no JavaScript: no folder read from it.
    }
  }
  return undefined;
}

function isNode(value: unknown): value is Node & Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The folder a node sets: a `dir: { input: "…" }` property, or a `….setInputDirectory("…")` call. */
function inputOf(node: Node & Record<string, unknown>): string | undefined {
  if (node.type === 'Property' && nameOf(node['key']) === 'dir') {
    const value = node['value'];
    if (!isNode(value) || value.type !== 'ObjectExpression') return undefined;
    const properties: unknown = value['properties'];
    if (!Array.isArray(properties)) return undefined;
    const input: unknown = properties.find(
      (property: unknown) => isNode(property) && nameOf(property['key']) === 'input',
    );
    return isNode(input) ? textOf(input['value']) : undefined;
  }
  if (node.type === 'CallExpression') {
    const callee = node['callee'];
    const args = node['arguments'];
    if (!isNode(callee) || callee.type !== 'MemberExpression' || !Array.isArray(args)) return undefined;
    return nameOf(callee['property']) === 'setInputDirectory' ? textOf(args[0]) : undefined;
  }
  return undefined;
}

/** A property's or member's name: an identifier's, or a literal text's. */
function nameOf(key: unknown): string | undefined {
  if (!isNode(key)) return undefined;
  if (key.type === 'Identifier' && typeof key['name'] === 'string') return key['name'];
  return textOf(key);
}

/** A literal text, or a template without expressions. */
function textOf(value: unknown): string | undefined {
  if (!isNode(value)) return undefined;
  if (value.type === 'Literal' && typeof value['value'] === 'string') return value['value'];
  if (value.type === 'TemplateLiteral') {
    const quasis = value['quasis'];
    const expressions = value['expressions'];
    if (!Array.isArray(quasis) || !Array.isArray(expressions) || expressions.length > 0) return undefined;
    const [only] = quasis as { value?: { cooked?: string | null } }[];
    return only?.value?.cooked ?? undefined;
  }
  return undefined;
}
