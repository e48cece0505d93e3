import { parse as parseToml, TomlDate } from 'smol-toml';

/**
 * TOML's settings (front matter, or Hugo's `hugo.toml`) with its dates as written
 * (`2014-03-12T10:11:00-04:00`, a local `2099-01-01` kept so), as YAML and JSON give them, at any
 * depth (a `[cascade]`'s `expiryDate`): the schema reads text. Throws smol-toml's TomlError.
 */
export function parseTomlData(text: string): Record<string, unknown> {
  return withTomlDates(parseToml(text)) as Record<string, unknown>;
}

function withTomlDates(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(withTomlDates);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries defines own keys: a TOML key `__proto__` stays a key, sets no prototype.
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withTomlDates(field)]));
}
