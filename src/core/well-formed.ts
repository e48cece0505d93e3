/**
 * Text that no Unicode character stands for: half of a surrogate pair, which YAML, JSON and JavaScript
 * escapes can write (`"\uDC00"`) though UTF-8 cannot. Discord refuses it, encodeURIComponent throws
 * on it, and lengths counted in characters miss it; so each half becomes U+FFFD, as a byte that is no
 * UTF-8 would show.
 */
const LONE_SURROGATE = /\p{Cs}/gu;

/** Whether `written` (the text data was read from) may hold such an escape: `\u` or `\U`. */
export function mayEscapeSurrogates(written: string): boolean {
  return /\\[uU]/.test(written);
}

/** `text` with each half of a surrogate pair that has no other half as U+FFFD. */
export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * `data` (read from front matter or a data file, so its own to change) with its texts, keys too,
 * made well-formed in place. Walked without recursion, each list or mapping once (YAML's aliases
 * share them, and may hold themselves).
 */
export function wellFormedData<T>(data: T): T {
  if (typeof data === 'string') return wellFormedText(data) as T;
  if (typeof data !== 'object' || data === null) return data;
  const seen = new Set<object>([data]);
  const stack: object[] = [data];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const fields = node as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = wellFormedText(value);
      else if (typeof value === 'object' && value !== null && !seen.has(value)) {
        seen.add(value);
        stack.push(value);
      }
      const written = Array.isArray(node) ? key : wellFormedText(key);
      if (written !== key) {
        fields[written] = fields[key];
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a key renamed in data of any shape
        delete fields[key];
      }
    }
  }
  return data;
}
