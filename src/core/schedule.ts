import { Cron } from 'croner';
import { canonicalZone, either, matchingZones, minutesIn, offsetName } from './zoned-time.js';

// The zones' names are read in zoned-time (which the content loader imports without croner).
export { canonicalZone, matchingZones, RENAMED_ZONES } from './zoned-time.js';

export const FREQUENCIES = ['daily', 'weekdays', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When a server's tips are posted, in the server's own time zone. */
export interface ScheduleRule {
  /** `HH:MM`, 24-hour, local to `timezone`. */
  readonly time: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timezone: string;
  readonly frequency: Frequency;
  /** For weekly rules. */
  readonly day?: Weekday | undefined;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `9:05` and `09:05` → `{ hour: 9, minute: 5 }`; `25:00`, `9am` → undefined. */
export function parseTime(text: string): { hour: number; minute: number } | undefined {
  const match = TIME.exec(text.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * What to tell an admin who typed a zone by another name (`EST`, `CET`, `US/Eastern`), which is
 * stored as the zone it names (`America/Panama`): that name, and, for a zone without daylight
 * saving reached by an abbreviation, that its clock never changes (EST is not New York's time in
 * summer). Undefined when the zone was typed by its own name.
 */
export function zoneNote(typed: string, zone: string): string | undefined {
  const name = typed.trim();
  // POSIX's signs: Etc/GMT+2 is two hours behind UTC, which its name does not say to most readers.
  const [, sign, hours] = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(zone) ?? [];
  if (sign !== undefined && hours !== undefined && Number(hours) !== 0) {
    const other = `Etc/GMT${sign === '+' ? '-' : '+'}${hours}`;
    // Offsets are written with the ASCII hyphen, as Intl writes them and as they are typed.
    const offset = `UTC${sign === '+' ? '-' : '+'}${hours.padStart(2, '0')}:00`;
    const reversed = offset.replace(/[-+]/, (s) => (s === '+' ? '-' : '+'));
    // Etc/GMT+13 and +14 do not exist (no place is that far behind UTC): not offered.
    const instead = Number(hours) <= 12 ? ` For ${reversed}, choose ${other}.` : '';
    return `${zone} is ${offset} all year: in the Etc zones' names the sign is reversed.${instead} To follow a city's clock, choose its zone, e.g. Europe/Berlin.`;
  }
  if (name.toLowerCase() === zone.toLowerCase()) return undefined;
  const year = new Date().getUTCFullYear();
  // Some ICU versions write the minus sign (U+2212): written as the Etc note writes it.
  const offset = (month: number) => offsetName(Date.UTC(year, month, 1), zone).replace('\u2212', '-');
  const fixed = offset(0) === offset(6);
  const city = SUMMER_CLOCKS[name.toUpperCase()];
  // GMT is read as UTC, which has no '/', yet a UK admin lives by Europe/London's summer time.
  const abbreviation = (!name.includes('/') && zone.includes('/')) || city !== undefined;
  if (!fixed || !abbreviation) return `“${name}” is read as ${zone}.`;
  const advice = city === undefined ? '' : ` To follow a city's clock, choose its zone, e.g. ${city}.`;
  const clock = zone === 'UTC' ? 'UTC' : `${zone}'s time, ${offset(0).replace('GMT', 'UTC')}`;
  return `“${name}” is ${clock} all year (no daylight saving).${advice}`;
}

/**
 * Abbreviations read as a zone without daylight saving though most who use them live by a clock with
 * it, and a zone of that clock: the example zoneNote gives (a Denver admin typing MST is not helped by
 * America/New_York, nor one in Tokyo typing JST by any other zone).
 */
const SUMMER_CLOCKS: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  GMT: 'Europe/London',
  MST: 'America/Denver',
};

/**
 * Abbreviations typed for a time zone that name no single one, with the zones meant by them, most
 * common first. Either no zone at all (`CEST`), or one of Java's old IDs that ICU reads as a zone
 * few who type it mean (`BST`, British Summer Time, is Asia/Dhaka, `NST`, Newfoundland's, is
 * Pacific/Auckland): a schedule would post hours off. Those ICU reads as meant (`PST`, `JST`) are not here.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  ACT: ['Australia/Darwin', 'America/Rio_Branco'],
  ART: ['America/Argentina/Buenos_Aires'],
  AST: ['America/Halifax', 'America/Puerto_Rico', 'Asia/Riyadh'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  CST: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  ECT: ['America/Guayaquil'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  NST: ['America/St_Johns'],
  SST: ['Pacific/Pago_Pago', 'Asia/Singapore'],
  // Summer (and other) abbreviations that are no zone at all.
  ADT: ['America/Halifax'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney', 'Australia/Melbourne'],
  ACST: ['Australia/Adelaide', 'Australia/Darwin'],
  ACDT: ['Australia/Adelaide'],
  AWST: ['Australia/Perth'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  CDT: ['America/Chicago'],
  CEST: ['Europe/Berlin', 'Europe/Paris', 'Europe/Madrid'],
  EDT: ['America/New_York', 'America/Toronto'],
  EEST: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Kyiv'],
  HKT: ['Asia/Hong_Kong'],
  KST: ['Asia/Seoul'],
  MDT: ['America/Denver', 'America/Edmonton'],
  MSK: ['Europe/Moscow'],
  NDT: ['America/St_Johns'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  PDT: ['America/Los_Angeles', 'America/Vancouver'],
  SGT: ['Asia/Singapore'],
  WEST: ['Europe/Lisbon'],
};

/** The zones an abbreviation that names no single zone is meant for (`bst`: Europe/London, Asia/Dhaka). */
export function meantBy(typed: string): readonly string[] | undefined {
  return ABBREVIATIONS[typed.trim().toUpperCase()];
}

/**
 * The zone a schedule is set to for `typed`, as canonicalZone reads it, but for an abbreviation that
 * names no single zone (see ABBREVIATIONS): undefined, and `abbreviationHint` says which to choose.
 */
export function scheduleZone(typed: string): string | undefined {
  return meantBy(typed) === undefined ? canonicalZone(typed) : undefined;
}

/** What to tell an admin who typed such an abbreviation (`BST`), or undefined for any other text. */
export function abbreviationHint(typed: string): string | undefined {
  const zones = meantBy(typed);
  if (zones === undefined) return undefined;
  return `Abbreviations such as ${typed.trim().toUpperCase()} stand for different zones in different places: did you mean ${either(zones)}?`;
}

/**
 * The autocomplete's zones for `typed`: matchingZones, but an abbreviation that names no single zone
 * (`bst`) offers the zones meant by it, and not the one ICU reads it as (Asia/Dhaka) unless meant too;
 * one read as a zone without daylight saving by those who live by one with it (`gmt`) offers that first.
 */
export function scheduleZones(typed: string, limit = 25): string[] {
  const meant = meantBy(typed);
  // The zone zoneNote recommends for it (`est`: America/New_York), first: the note tells admins to pick it.
  const city = SUMMER_CLOCKS[typed.trim().toUpperCase()];
  if (city !== undefined) return [...new Set([city, ...matchingZones(typed, limit)])].slice(0, limit);
  if (meant === undefined) return matchingZones(typed, limit);
  const read = canonicalZone(typed);
  const others = matchingZones(typed, limit).filter((zone) => zone !== read);
  return [...new Set([...meant, ...others])].slice(0, limit);
}

/** The rule as a cron pattern (minute hour day month weekday), read in the rule's zone. */
export function cronPattern(rule: ScheduleRule): string {
  const time = parseTime(rule.time);
  if (time === undefined) throw new Error(`invalid time ${rule.time}`);
  const days =
    rule.frequency === 'daily'
      ? '*'
      : rule.frequency === 'weekdays'
        ? '1-5'
        : String(WEEKDAYS.indexOf(rule.day ?? 'monday'));
  return `${time.minute} ${time.hour} * * ${days}`;
}

/**
 * The first posting time strictly after `after`. Computed by croner in the rule's zone: on the
 * spring-forward day a time in the gap posts at the first valid minute after it; on the
 * fall-back day a time that happens twice posts once, at the first.
 */
export function nextRun(rule: ScheduleRule, after: Date): Date {
  return new Date(nextRunOf(cronPattern(rule), rule.timezone, after.getTime()));
}

/**
 * The first time a cron pattern fires strictly after `afterMs`, in `timezone`: what `nextRun`
 * computes, for a job engine that is given the pattern (so both always agree on a slot).
 */
export function nextRunOf(pattern: string, timezone: string | undefined, afterMs: number): number {
  const next = cronOf(pattern, timezone).nextRun(new Date(afterMs));
  if (next === null) throw new Error('the rule never runs');
  return next.getTime();
}

/** Patterns read, by pattern and zone: many schedules share one, and reading it took a third of a slot's time. */
const crons = new Map<string, Cron>();
/** Distinct pattern and zone pairs kept; the oldest read goes first. */
const MAX_CRONS = 1024;

/** The pattern read once (a paused Cron only computes: its `nextRun(after)` depends on `after` alone). */
function cronOf(pattern: string, timezone: string | undefined): Cron {
  const key = `${pattern}\0${timezone ?? ''}`;
  let cron = crons.get(key);
  if (cron === undefined) {
    cron = new Cron(pattern, timezone === undefined ? { paused: true } : { timezone, paused: true });
    if (crons.size >= MAX_CRONS) crons.delete(crons.keys().next().value ?? '');
    crons.set(key, cron);
  }
  return cron;
}

/**
 * The id of one due post: at most 25 characters (Discord's nonce limit), the same for the same
 * server and slot, different otherwise. Base 36 keeps a 19-digit id and a minute count short.
 */
export function slotId(guildId: string, slot: Date): string {
  return `${BigInt(guildId).toString(36)}.${Math.floor(slot.getTime() / 60_000).toString(36)}`;
}

/** `Monday 30 November 2026, 09:00 (Europe/Berlin)`, the same on every Node version. */
export function formatInZone(date: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${timezone})`;
}

/**
 * The local time (`03:00`) a post at `next` goes out at instead of the rule's time, when the clocks
 * went forward over that time just before `next` (02:30 on Europe/Berlin's spring-forward day, which
 * nextRun moves to 03:00); undefined on any other day.
 */
export function skippedTime(rule: ScheduleRule, next: Date): string | undefined {
  const time = parseTime(rule.time);
  if (time === undefined) return undefined;
  const at = minutesIn(next.getTime(), rule.timezone);
  const before = minutesIn(next.getTime() - 60_000, rule.timezone);
  const DAY = 24 * 60;
  // No jump of the clock in the minute before the post: the rule's time is the post's.
  if ((before + 1) % DAY === at) return undefined;
  // A jump over midnight (America/Santiago's clocks go from 24:00 to 01:00) is counted on.
  let target = time.hour * 60 + time.minute;
  let to = at;
  if (to < before) {
    to += DAY;
    if (target < before) target += DAY;
  }
  if (!(before < target && target < to)) return undefined;
  return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
}

/** Discord's timestamp markup, shown in each reader's own zone: `<t:1764576000:F>`. */
export function discordTimestamp(date: Date, style: 'F' | 'R' = 'F'): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}

/** In words: `every weekday at 09:00`. */
export function describeRule(rule: ScheduleRule): string {
  const when =
    rule.frequency === 'daily'
      ? 'every day'
      : rule.frequency === 'weekdays'
        ? 'every weekday (Monday to Friday)'
        : `every ${capitalize(rule.day ?? 'monday')}`;
  return `${when} at ${rule.time} (${rule.timezone})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
