/** A day in ms: no zone changes its offset twice within one, so the offsets a day either side bound a change. */
const DAY_MS = 86_400_000;

/** A formatter per zone: making one costs far more than formatting with it, and a site has one zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `timeZone`'s offset from UTC at `instant` (ms since the epoch), in ms: `GMT-04:56:02` and all. */
function offsetAt(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, format);
  }
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // `GMT` alone is UTC itself.
  const [, sign, hours = '0', minutes = '0', seconds = '0'] =
    /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name) ?? [];
  const size = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -size : size;
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
