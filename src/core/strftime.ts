/**
 * Liquid's `date` filter (strftime, as liquidjs writes it) for the formats an address is made of,
 * in UTC: `%Y/%m/%d` → `2024/01/05`. A `-` after the `%` drops the padding (`%-m` → `1`).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Each directive's value, and its padding: width and with what. */
const DIRECTIVES: Readonly<
  Record<string, (date: Date) => { value: string | number; width?: number; pad?: string }>
> = {
  Y: (date) => ({ value: date.getUTCFullYear() }),
  y: (date) => ({ value: date.getUTCFullYear() % 100, width: 2 }),
  m: (date) => ({ value: date.getUTCMonth() + 1, width: 2 }),
  d: (date) => ({ value: date.getUTCDate(), width: 2 }),
  e: (date) => ({ value: date.getUTCDate(), width: 2, pad: ' ' }),
  j: (date) => ({ value: dayOfYear(date), width: 3 }),
  H: (date) => ({ value: date.getUTCHours(), width: 2 }),
  M: (date) => ({ value: date.getUTCMinutes(), width: 2 }),
  S: (date) => ({ value: date.getUTCSeconds(), width: 2 }),
  B: (date) => ({ value: MONTHS[date.getUTCMonth()] ?? '' }),
  b: (date) => ({ value: (MONTHS[date.getUTCMonth()] ?? '').slice(0, 3) }),
  A: (date) => ({ value: DAYS[date.getUTCDay()] ?? '' }),
  a: (date) => ({ value: (DAYS[date.getUTCDay()] ?? '').slice(0, 3) }),
  '%': () => ({ value: '%' }),
};

/** A directive: `%`, perhaps `-`, and its letter (or a `%` alone at the end, no directive). */
const DIRECTIVE = /%(-?)(.?)/gs;

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** `date` written in `format`; undefined for a directive not read here (or no date). */
export function strftimeUtc(format: string, date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const marks = [...format.matchAll(DIRECTIVE)];
  if (marks.some(([, , name]) => name === undefined || !Object.hasOwn(DIRECTIVES, name))) return undefined;
  return format.replace(DIRECTIVE, (_, flag: string, name: string) => {
    const directive = DIRECTIVES[name]?.(date) ?? { value: '' };
    const text = String(directive.value);
    return flag === '-' ? text : text.padStart(directive.width ?? 0, directive.pad ?? '0');
  });
}
