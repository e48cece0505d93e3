import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Discord's own OpenAPI description, vendored unchanged (MIT, see discord-api-spec/LICENSE). */
export const OPENAPI_PATH = fileURLToPath(new URL('./discord-api-spec/openapi.json', import.meta.url));

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: object;
}

/**
 * Validates request bodies against the `requestBody` schema of the matching operation in
 * Discord's OpenAPI description (JSON Schema 2020-12, with ajv).
 */
export class SpecValidator {
  private readonly ajv: Ajv2020;
  private readonly doc: OpenApi;
  private readonly routes: { method: string; template: string; pattern: RegExp }[];
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(path = OPENAPI_PATH) {
    this.doc = JSON.parse(readFileSync(path, 'utf8')) as OpenApi;
    // Strict about types and formats, as a fake checking every request against the description may
    // be: an integer sent as a string, or an address that is no URI (`format: "uri"`, ASCII only),
    // is a violation. strict:false because the description uses vendor keywords (x-discord-union).
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(this.ajv, ['date-time', 'uri', 'int32', 'int64', 'double']);
    // Discord's own: a nonce is an integer or a string of at most 25 characters (maxLength says so).
    this.ajv.addFormat('nonce', true);
    this.ajv.addFormat('snowflake', /^\d{1,20}$/);
    this.ajv.addSchema({ $id: 'discord', components: this.doc.components });
    this.routes = Object.entries(this.doc.paths).flatMap(([template, ops]) =>
      Object.keys(ops)
        .filter((method) => method !== 'parameters')
        .map((method) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(
            `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
          ),
        })),
    );
    // Literal segments such as "@original" must win over "{message_id}".
    this.routes.sort(
      (a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length,
    );
  }

  /** The operation's path template for a request path (without /api/v10), if Discord has one. */
  operation(method: string, path: string): string | undefined {
    return this.routes.find((route) => route.method === method && route.pattern.test(path))?.template;
  }

  /**
   * Compiles the schemas of the routes a bot uses up front. Compiling one takes up to a few hundred
   * milliseconds, which would otherwise stall the emulator in the middle of a timed run.
   */
  warm(): this {
    const id = '1100000000000000001';
    for (const [method, path] of [
      ['POST', `/channels/${id}/messages`],
      ['POST', `/interactions/${id}/token/callback`],
      ['PATCH', `/webhooks/${id}/token/messages/@original`],
      ['POST', `/webhooks/${id}/token`],
      ['PUT', `/applications/${id}/commands`],
      ['PUT', `/applications/${id}/guilds/${id}/commands`],
    ] as const) {
      this.validate(method, path, {});
    }
    return this;
  }

  /** Schema errors of `body` for this request; an unknown route is an error too. */
  validate(method: string, path: string, body: unknown): string[] {
    const template = this.operation(method, path);
    if (template === undefined) return [`${method} ${path} is not an operation in Discord's API description`];
    const key = `${method} ${template}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const schema =
        this.doc.paths[template]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
      validate = schema === undefined ? null : this.ajv.compile(rewriteRefs(schema) as object);
      this.compiled.set(key, validate);
    }
    if (validate === null) return body === undefined ? [] : [`${key} takes no JSON body`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${key}: ${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    );
  }
}

function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `discord${value}`
        : rewriteRefs(value),
    ]),
  );
}

let shared: SpecValidator | undefined;
/** One validator per process: compiling Discord's description takes a moment. A missing file throws. */
export function specValidator(): SpecValidator {
  shared ??= new SpecValidator().warm();
  return shared;
}
