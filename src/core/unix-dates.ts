/**
 * Hugo's dates written as a number: `date = 1704448800` (TOML) or `date: 1704448800` (YAML) is that
 * many seconds since 1970-01-01 UTC, as Hugo reads an integer date (its cast.ToTime). Other
 * generators read no number as a date.
 */
import { offsetName } from './zoned-time.js';

/** The first and last second whose day is written with four digits (0001-01-01 to 9999-12-31, in UTC). */
const FIRST_SECOND = -62_135_596_800;
const LAST_SECOND = 253_402_300_799;

/**
 * `seconds` since the epoch as a timestamp with its offset, `2024-01-05T02:00:00-08:00`: the wall
 * time in `timeZone` (the site's), else in UTC (`…Z`), so that its day is that zone's and its instant
 * the one written. Undefined when it is no whole number of seconds, or its day has no four-digit year
 * (see {@link unixDateProblem}).
 */
export function unixDate(seconds: number, timeZone?: string): string | undefined {
  if (!Number.isInteger(seconds) || seconds < FIRST_SECOND || seconds > LAST_SECOND) return undefined;
  const instant = seconds * 1000;
  if (timeZone === undefined) return new Date(instant).toISOString().replace(/\.000Z$/, 'Z');
  // `GMT-08:00`, `GMT` for none; a zone's old local mean time (`GMT-04:56:02`) is kept to the minute.
  const [, sign = '+', hours = '00', minutes = '00'] =
    /^GMT([+-])(\d{2}):(\d{2})/.exec(offsetName(instant, timeZone)) ?? [];
  const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  const wall = new Date(instant + offset).toISOString();
  // A second at either end of the years written with four digits is in another year in some zones.
  if (!/^\d{4}-/.test(wall) || wall.startsWith('0000')) return undefined;
  return `${wall.slice(0, 19)}${sign}${hours}:${minutes}`;
}

/** What is wrong with a number written as a date that {@link unixDate} does not read. */
export function unixDateProblem(value: number): string {
  const shown = Number.isFinite(value) && String(value).length <= 24 ? String(value) : 'this number';
  if (!Number.isInteger(value))
    return `${shown} is no whole number of seconds: a date written as a number is Unix seconds (Hugo's \`date = 1704448800\`); write whole seconds, or the day, like "2024-01-05"`;
  // A timestamp in milliseconds (JavaScript's Date.now()) is a thousand times as large.
  const seconds = value / 1000;
  const millis = Number.isInteger(seconds) && seconds >= FIRST_SECOND && seconds <= LAST_SECOND;
  const instead = millis ? `if it is milliseconds, write seconds, ${seconds}, or` : 'write';
  const when = value < 0 ? 'before the year 1' : 'past the year 9999';
  return `${shown} is ${when} as Unix seconds: ${instead} the day, like "2024-01-05"`;
}
