/**
 * Time zones by name, and wall times in them, with Intl alone: the content loader reads a site's zone
 * here without the scheduler's cron library.
 */

/** A day in ms: no zone changes its offset twice within one, so the offsets a day either side bound a change. */
const DAY_MS = 86_400_000;

/** A formatter per zone (a few hundred at most): making one costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `timeZone`'s offset from UTC at `instant` (ms since the epoch), as Intl names it: `GMT-05:00`, `GMT` for none. */
export function offsetName(instant: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, format);
  }
  return format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** `timeZone`'s offset from UTC at `instant` (ms since the epoch), in ms: `GMT-04:56:02` and all. */
function offsetAt(instant: number, timeZone: string): number {
  // `GMT` alone is UTC itself.
  const [, sign, hours = '0', minutes = '0', seconds = '0'] =
    /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(offsetName(instant, timeZone)) ?? [];
  const size = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -size : size;
}

/** The minutes since midnight (`150` for 02:30) clocks in `timeZone` show at `instant` (ms since the epoch). */
export function minutesIn(instant: number, timeZone: string): number {
  const wall = instant + offsetAt(instant, timeZone);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/** The day (`2024-01-06`) clocks in `timeZone` show at `instant` (ms since the epoch). */
export function dayIn(instant: number, timeZone: string): string {
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant (ms since the epoch) at which clocks in `timeZone` (a name Intl reads) show `wall`, a
 * wall time given as the ms since the epoch it would be in UTC. As Temporal's `compatible` reads
 * them: a time that happens twice (the hour clocks go back) is the first, and one that never happens
 * (the hour skipped in spring) is read with the offset before the change, so 02:30 is 03:30.
 */
export function zonedInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  // The larger offset gives the earlier instant; an offset holds when the zone has it at that instant.
  for (const offset of before >= after ? [before, after] : [after, before])
    if (offsetAt(wall - offset, timeZone) === offset) return wall - offset;
  return wall - before;
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

/** A UTC offset as people write it: `UTC+2`, `GMT-5`, `utc +5:30`, `+02:00`, `-0500` (`−` too). */
const OFFSET = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?([0-5]\d))?$/i;

/** A UTC offset typed for a time zone, and the zone that keeps it all year if there is one. */
export interface TypedOffset {
  /** East of UTC, in minutes. */
  readonly minutes: number;
  /** As Intl writes it: `GMT+02:00`, `GMT` for none. */
  readonly name: string;
  /**
   * The IANA zone at that offset all year: `Etc/GMT-2` for UTC+2, as the Etc zones take POSIX's
   * reversed sign; UTC for none. Undefined past whole hours (UTC+5:30 has no such zone).
   */
  readonly zone?: string;
}

/** The UTC offset `text` is (`UTC+2`, `+02:00`), or undefined if it is none or none on Earth (past ±14:00). */
export function readOffset(text: string): TypedOffset | undefined {
  const [, sign, hours = '0', minutes = '00'] = OFFSET.exec(text.trim()) ?? [];
  if (sign === undefined) return undefined;
  const east = sign === '+';
  const size = Number(hours) * 60 + Number(minutes);
  if (size > 14 * 60) return undefined;
  const name = size === 0 ? 'GMT' : `GMT${east ? '+' : '-'}${hours.padStart(2, '0')}:${minutes}`;
  // Etc/GMT-14 to Etc/GMT+12 exist: no place is more than 12 hours behind UTC.
  const whole = minutes === '00';
  const zone =
    size === 0
      ? 'UTC'
      : whole && (east || size <= 12 * 60)
        ? `Etc/GMT${east ? '-' : '+'}${Number(hours)}`
        : undefined;
  return { minutes: east ? size : -size, name, ...(zone === undefined ? {} : { zone }) };
}

/** The zones offered (see {@link matchingZones}) whose clocks are `offset` ahead of UTC at `instant`. */
function zonesAt(offset: TypedOffset, instant: number): string[] {
  return knownZones()
    .offered.map(([, zone]) => zone)
    .filter((zone) => zone !== 'UTC' && offsetName(instant, zone) === offset.name);
}

/**
 * Zones whose name contains what was typed, accents aside (`berl` → Europe/Berlin, `zürich` →
 * Europe/Zurich), at most `limit`; a renamed zone is found by both its names and offered by its
 * current one (`calcutta` → Asia/Kolkata); a name of a zone typed whole (`EST`, `US/Eastern`)
 * offers that zone first. A UTC offset (`gmt+2`) offers the zone at it all year (Etc/GMT-2), then
 * the places at it at `instant`.
 */
export function matchingZones(typed: string, limit = 25, instant = Date.now()): string[] {
  const offset = readOffset(typed);
  if (offset !== undefined)
    return [
      ...new Set([...(offset.zone === undefined ? [] : [offset.zone]), ...zonesAt(offset, instant)]),
    ].slice(0, limit);
  // IANA spells places in ASCII: `São Paulo` is America/Sao_Paulo, `Zürich` Europe/Zurich.
  const query = withoutAccents(typed.trim().toLowerCase()).replace(/\s+/g, '_');
  // A name Intl reads that no listed zone contains (`EST`, `US/Eastern`): the zone it names, first.
  const named = query.length >= 2 ? canonicalZone(typed) : undefined;
  const out: string[] = named === undefined ? [] : [named];
  for (const [keys, zone] of knownZones().offered) {
    if (keys.includes(query) && zone !== named) out.push(zone);
    if (out.length >= limit) break;
  }
  return out;
}

/** `text` without its letters' accents (combining marks, once decomposed). */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * What to suggest for `typed`, which is no zone: the zones whose names hold it (`berlin`: "Did you
 * mean Europe/Berlin?"), or for a UTC offset no zone keeps all year (`+05:30`), the places at it at
 * `instant`. Undefined when nothing comes close.
 */
export function zoneHint(typed: string, instant = Date.now()): string | undefined {
  const offset = readOffset(typed);
  if (offset !== undefined) {
    const places = zonesAt(offset, instant).slice(0, 3);
    const utc = offset.name.replace('GMT', 'UTC');
    return places.length === 0
      ? `No zone is at ${utc} now.`
      : `No zone has ${utc} all year: choose a place's zone, e.g. ${either(places)}.`;
  }
  if (typed.trim().length < 2) return undefined;
  const zones = matchingZones(typed, 4, instant);
  if (zones.length === 0) return undefined;
  return zones.length > 3
    ? `Did you mean ${zones.slice(0, 3).join(', ')} or another? Start typing to see them all.`
    : `Did you mean ${either(zones)}?`;
}

/** `a`, `a or b`, `a, b or c`. */
export function either(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}
