/** `true`, or a text the generators read as it (`draft: "true"` in Hugo, `yes` in Jekyll's YAML 1.1). */
export function isYes(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|yes|on)$/i.test(value.trim()));
}

/** `false`, or a text the generators read as it (`published: "false"`, `no`). */
export function isNo(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|no|off)$/i.test(value.trim()));
}
