import { Cron } from 'croner';

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
 * Zones IANA renamed, by the old name: CLDR keeps a zone's first name as its ID, so ICU (up to 78,
 * in Node 20 to 24) lists only the old name, though Intl reads both, and no API lists the new one.
 * These are all the zones of IANA's data (2025c) that Node 20 to 24 list under another name; the
 * rest it does not list are links (US/Eastern) or fixed offsets (Etc/GMT+5), read as they are.
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The zone Intl reads `name` as (its canonical ID), or undefined if Intl knows no such zone. */
function resolveZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

interface Zones {
  /** Every listed zone and its current name, by lowercase name, spelled as IANA does. */
  readonly byName: ReadonlyMap<string, string>;
  /** The current name of a listed zone IANA renamed, by the listed name. */
  readonly current: ReadonlyMap<string, string>;
  /** The zones autocomplete offers, by current name, each with the lowercase names it is found by. */
  readonly offered: readonly (readonly [keys: string, zone: string])[];
}

let zones: Zones | undefined;
/** The zones the runtime lists, with the current names of those it lists under an old one. */
function knownZones(): Zones {
  if (zones !== undefined) return zones;
  const listed = ['UTC', ...Intl.supportedValuesOf('timeZone')];
  const listedSet = new Set(listed);
  const byName = new Map<string, string>();
  const current = new Map<string, string>();
  const offered: (readonly [string, string])[] = [];
  for (const zone of listed) {
    byName.set(zone.toLowerCase(), zone);
    const renamed = RENAMED_ZONES[zone];
    // A newer ICU may list the new name itself (then it is offered on its own), or drop the old one.
    if (renamed !== undefined && !listedSet.has(renamed) && resolveZone(renamed) !== undefined) {
      byName.set(renamed.toLowerCase(), renamed);
      current.set(zone, renamed);
      offered.push([`${renamed.toLowerCase()} ${zone.toLowerCase()}`, renamed]);
    } else offered.push([zone.toLowerCase(), zone]);
  }
  zones = { byName, current, offered };
  return zones;
}

/**
 * The zone's name as stored (`europe/berlin` → `Europe/Berlin`), or undefined if unknown. A listed
 * name, or the current name of a renamed zone, is kept as written; any other name Intl reads
 * (`US/Eastern`, `Etc/UTC`) becomes the name Intl gives it (`America/New_York`, `UTC` on Node 20 to 24).
 */
export function canonicalZone(text: string): string | undefined {
  const name = text.trim();
  const { byName, current } = knownZones();
  const known = byName.get(name.toLowerCase());
  if (known !== undefined) return known;
  // Zone names start with a letter; Intl (Node 22 on) also reads UTC offsets such as `+05:30`.
  if (!/^[a-z]/i.test(name)) return undefined;
  const resolved = resolveZone(name);
  return resolved === undefined ? undefined : (current.get(resolved) ?? resolved);
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
    const offset = `UTC${sign === '+' ? '−' : '+'}${hours.padStart(2, '0')}:00`;
    const reversed = offset.replace(/[−+]/, (s) => (s === '+' ? '−' : '+'));
    // Etc/GMT+13 and +14 do not exist (no place is that far behind UTC): not offered.
    const instead = Number(hours) <= 12 ? ` For ${reversed}, choose ${other}.` : '';
    return `${zone} is ${offset} all year: in the Etc zones' names the sign is reversed.${instead} To follow a city's clock, choose its zone, e.g. Europe/Berlin.`;
  }
  if (name.toLowerCase() === zone.toLowerCase()) return undefined;
  const year = new Date().getUTCFullYear();
  const offset = (month: number) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(Date.UTC(year, month, 1))
      .find((part) => part.type === 'timeZoneName')?.value;
  const fixed = offset(0) === offset(6);
  const abbreviation = !name.includes('/') && zone.includes('/');
  return fixed && abbreviation
    ? `“${name}” is ${zone}'s time, ${offset(0)?.replace('GMT', 'UTC')} all year (no daylight saving). To follow a city's clock, choose its zone, e.g. America/New_York.`
    : `“${name}” is read as ${zone}.`;
}

/**
 * Zones whose name contains what was typed (`berl` → Europe/Berlin), at most `limit`; a renamed
 * zone is found by both its names and offered by its current one (`calcutta` → Asia/Kolkata); a
 * name of a zone typed whole (`EST`, `US/Eastern`) offers that zone first.
 */
export function matchingZones(typed: string, limit = 25): string[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  // A name Intl reads that no listed zone contains (`EST`, `US/Eastern`): the zone it names, first.
  const named = query.length >= 2 ? canonicalZone(typed) : undefined;
  const out: string[] = named === undefined ? [] : [named];
  for (const [keys, zone] of knownZones().offered) {
    if (keys.includes(query) && zone !== named) out.push(zone);
    if (out.length >= limit) break;
  }
  return out;
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
