import { describe, expect, it } from 'vitest';
import type { ItemRef } from '../../src/core/content-index.js';
import { newRotation, nextInRotation, type Rotation } from '../../src/core/rotation.js';
import { dueAction, retryDelay } from '../../src/core/schedule-record.js';
import {
  canonicalZone,
  describeRule,
  discordTimestamp,
  formatInZone,
  matchingZones,
  nextRun,
  skippedTime,
  parseTime,
  RENAMED_ZONES,
  slotId,
  type ScheduleRule,
  zoneNote,
} from '../../src/core/schedule.js';

const at = (iso: string) => new Date(iso);
const runs = (rule: ScheduleRule, fromIso: string, count: number) => {
  const out: string[] = [];
  let from = at(fromIso);
  for (let i = 0; i < count; i++) {
    from = nextRun(rule, from);
    out.push(from.toISOString());
  }
  return out;
};

describe('parsing input', () => {
  it('GIVEN times THEN accepts HH:MM in 24 hours and refuses the rest', () => {
    expect(parseTime('09:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseTime('9:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['25:00', '24:00', '12:60', '9am', '0900', '', '12:5'])
      expect(parseTime(bad), bad).toBeUndefined();
  });

  it('GIVEN zone names THEN knows IANA zones in any case and refuses unknown ones', () => {
    expect(canonicalZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalZone('UTC')).toBe('UTC');
    expect(canonicalZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalZone('CEST')).toBeUndefined();
    expect(matchingZones('new york')).toEqual(['America/New_York']);
    expect(matchingZones('')).toHaveLength(25);
    expect(matchingZones('')[0]).toBe('UTC');
  });

  it('GIVEN current names that ICU lists under old ones (Node 20 to 24) THEN accepts them as written and autocompletes them', () => {
    for (const zone of [
      'Asia/Kolkata',
      'Europe/Kyiv',
      'Asia/Ho_Chi_Minh',
      'Asia/Kathmandu',
      'Asia/Yangon',
      'America/Nuuk',
    ])
      expect(canonicalZone(zone.toLowerCase()), zone).toBe(zone);
    expect(matchingZones('kolkata')).toEqual(['Asia/Kolkata']);
    // Found by the old name too, offered by the current one.
    expect(matchingZones('calcutta')).toEqual(['Asia/Kolkata']);
    expect(matchingZones('kyiv')).toEqual(['Europe/Kyiv']);
    // A listed old name (as an existing schedule may have stored) is kept as it is.
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Calcutta');
  });

  it('GIVEN other names Intl reads THEN stores the zone they stand for; refuses UTC offsets', () => {
    expect(canonicalZone('Etc/UTC')).toBe('UTC');
    expect(canonicalZone('GMT')).toBe('UTC');
    expect(canonicalZone('us/eastern')).toBe('America/New_York');
    expect(canonicalZone('Etc/GMT+5')).toBe('Etc/GMT+5');
    // Merged into Kyiv: stored by the current name.
    expect(canonicalZone('Europe/Uzhgorod')).toBe('Europe/Kyiv');
    expect(canonicalZone('+05:30')).toBeUndefined();
    const rule: ScheduleRule = {
      time: '09:00',
      timezone: canonicalZone('Asia/Kolkata') ?? '',
      frequency: 'daily',
    };
    expect(nextRun(rule, at('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-29T03:30:00.000Z');
  });

  it('GIVEN the renamed zones THEN each current name keeps the offsets of its old one, 1990 to 2030', () => {
    const offsets = (zone: string) => {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      const out: string[] = [];
      for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2030, 0, 1); t += 30 * 86_400_000)
        out.push(format.format(t));
      return out;
    };
    for (const [old, current] of Object.entries(RENAMED_ZONES))
      expect(offsets(current), `${old} → ${current}`).toEqual(offsets(old));
  });
});

describe('next run, in the server zone', () => {
  it('GIVEN daily 09:00 Europe/Berlin THEN 09:00 local each day (08:00 UTC in winter)', () => {
    expect(
      runs({ time: '09:00', timezone: 'Europe/Berlin', frequency: 'daily' }, '2026-11-28T12:00:00Z', 2),
    ).toEqual(['2026-11-29T08:00:00.000Z', '2026-11-30T08:00:00.000Z']);
  });

  it('GIVEN weekdays THEN skips Saturday and Sunday', () => {
    // 2026-11-27 is a Friday.
    expect(
      runs({ time: '09:00', timezone: 'America/New_York', frequency: 'weekdays' }, '2026-11-27T15:00:00Z', 2),
    ).toEqual(['2026-11-30T14:00:00.000Z', '2026-12-01T14:00:00.000Z']);
  });

  it('GIVEN weekly on Wednesday THEN once a week, on Wednesdays', () => {
    const out = runs(
      { time: '18:30', timezone: 'Asia/Tokyo', frequency: 'weekly', day: 'wednesday' },
      '2026-11-28T00:00:00Z',
      2,
    );
    expect(out).toEqual(['2026-12-02T09:30:00.000Z', '2026-12-09T09:30:00.000Z']);
  });

  it('GIVEN a post exactly at the slot THEN the next is the following one (strictly after)', () => {
    const rule: ScheduleRule = { time: '09:00', timezone: 'UTC', frequency: 'daily' };
    expect(nextRun(rule, at('2026-11-28T09:00:00Z')).toISOString()).toBe('2026-11-29T09:00:00.000Z');
  });

  it('GIVEN Europe/Berlin spring forward (29 March 2026) THEN 09:00 stays 09:00 local, and 02:30 posts once at 03:00', () => {
    expect(
      runs({ time: '09:00', timezone: 'Europe/Berlin', frequency: 'daily' }, '2026-03-28T12:00:00Z', 2),
    ).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(
      runs({ time: '02:30', timezone: 'Europe/Berlin', frequency: 'daily' }, '2026-03-28T12:00:00Z', 2),
    ).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('GIVEN a time the clocks skip on the next post’s day THEN skippedTime gives the time it posts at; on other days, and at times that exist, nothing', () => {
    const skipped = (time: string, timezone: string, fromIso: string) => {
      const rule: ScheduleRule = { time, timezone, frequency: 'daily' };
      return skippedTime(rule, nextRun(rule, at(fromIso)));
    };
    expect(skipped('02:30', 'Europe/Berlin', '2027-03-27T12:00:00Z')).toBe('03:00');
    expect(skipped('02:00', 'Europe/Berlin', '2027-03-27T12:00:00Z')).toBe('03:00');
    expect(skipped('03:00', 'Europe/Berlin', '2027-03-27T12:00:00Z')).toBeUndefined();
    expect(skipped('02:30', 'Europe/Berlin', '2027-03-28T12:00:00Z')).toBeUndefined();
    // Happening twice is no skip; a gap at midnight and a half-hour one are.
    expect(skipped('02:30', 'Europe/Berlin', '2026-10-24T12:00:00Z')).toBeUndefined();
    expect(skipped('00:30', 'America/Santiago', '2026-09-05T12:00:00Z')).toBe('01:00');
    expect(skipped('02:15', 'Australia/Lord_Howe', '2026-10-03T00:00:00Z')).toBe('02:30');
  });

  it('GIVEN Europe/Berlin fall back (25 October 2026) THEN 02:30, which happens twice, posts once', () => {
    expect(
      runs({ time: '02:30', timezone: 'Europe/Berlin', frequency: 'daily' }, '2026-10-24T12:00:00Z', 3),
    ).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', '2026-10-27T01:30:00.000Z']);
  });

  it('GIVEN America/New_York spring forward (8 March 2026) and fall back (1 November 2026) THEN once a day each time', () => {
    expect(
      runs({ time: '02:15', timezone: 'America/New_York', frequency: 'daily' }, '2026-03-07T12:00:00Z', 2),
    ).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:15:00.000Z']);
    expect(
      runs({ time: '01:30', timezone: 'America/New_York', frequency: 'daily' }, '2026-10-31T12:00:00Z', 2),
    ).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });
});

describe('slot ids and formatting', () => {
  it('GIVEN a 19-digit server id THEN the slot id fits Discord nonces (25) and differs per slot and server', () => {
    expect(slotId('1100000000000000002', at('2026-11-29T08:00:00Z'))).toBe('8cv1gfspn1fm.htjxc');
    expect(slotId('1100000000000000002', at('2026-11-29T08:00:59Z'))).toBe('8cv1gfspn1fm.htjxc');
    expect(slotId('1100000000000000002', at('2026-11-30T08:00:00Z'))).toBe('8cv1gfspn1fm.htl1c');
    expect(slotId('1100000000000000003', at('2026-11-29T08:00:00Z'))).toBe('8cv1gfspn1fn.htjxc');
    // The largest snowflake, late in the century: 20 characters.
    expect(slotId('9223372036854775807', at('2099-12-31T23:59:00Z'))).toBe('1y2p0ij32e8e7.14phrz');
  });

  it('GIVEN a time THEN shows it in the zone and as a Discord timestamp', () => {
    expect(formatInZone(at('2026-11-30T08:00:00Z'), 'Europe/Berlin')).toBe(
      'Monday 30 November 2026, 09:00 (Europe/Berlin)',
    );
    expect(discordTimestamp(at('2026-11-30T08:00:00Z'))).toBe('<t:1796025600:F>');
    expect(describeRule({ time: '09:00', timezone: 'UTC', frequency: 'weekly', day: 'friday' })).toBe(
      'every Friday at 09:00 (UTC)',
    );
  });
});

describe('rotation', () => {
  const tips = (ids: string[]) => ids.map((id) => ({ id }) as unknown as ItemRef);

  function walk(list: ItemRef[], rotation: Rotation, n: number): { ids: string[]; rotation: Rotation } {
    const ids: string[] = [];
    let current = rotation;
    for (let i = 0; i < n; i++) {
      const next = nextInRotation(list, current);
      if (next === undefined) break;
      ids.push(next.tip.id);
      current = next.after;
    }
    return { ids, rotation: current };
  }

  it('GIVEN 5 tips THEN posts each once per cycle, then starts a new cycle in another order', () => {
    const list = tips(['a', 'b', 'c', 'd', 'e']);
    expect(walk(list, { seed: 7, posted: [] }, 10)).toEqual({
      ids: ['b', 'c', 'a', 'd', 'e', 'e', 'd', 'a', 'c', 'b'],
      // The second cycle's seed: 7 + 0x9e3779b9.
      rotation: { seed: 2654435776, posted: ['e', 'd', 'a', 'c', 'b'] },
    });
  });

  it('GIVEN a tip added mid-cycle THEN it joins the cycle; GIVEN one removed THEN it is skipped', () => {
    const first = walk(tips(['a', 'b', 'c']), { seed: 1, posted: [] }, 2);
    expect(first).toEqual({ ids: ['a', 'b'], rotation: { seed: 1, posted: ['a', 'b'] } });
    // `a` removed, `new` added: the cycle ends with `new` and `c`, and forgets `a`.
    const rest = walk(tips(['b', 'c', 'new']), first.rotation, 2);
    expect(rest).toEqual({ ids: ['new', 'c'], rotation: { seed: 1, posted: ['b', 'new', 'c'] } });
  });

  it('GIVEN different seeds THEN servers walk the tips in different orders', () => {
    const list = tips(Array.from({ length: 20 }, (_, i) => `t${i}`));
    let n = 0;
    const seq = () => [0.1, 0.7][n++ % 2] ?? 0;
    const first = newRotation(seq);
    const second = newRotation(seq);
    expect([first, second]).toEqual([
      { seed: 429496729, posted: [] },
      { seed: 3006477107, posted: [] },
    ]);
    expect(walk(list, first, 20).ids.slice(0, 5)).toEqual(['t19', 't18', 't13', 't12', 't11']);
    expect(walk(list, second, 20).ids.slice(0, 5)).toEqual(['t15', 't14', 't6', 't17', 't7']);
  });

  it('GIVEN no tips THEN nothing', () => {
    expect(nextInRotation([], { seed: 1, posted: [] })).toBeUndefined();
  });
});

describe('due slots, catch-up and grace (fake clock)', () => {
  const base = {
    guildId: '1100000000000000002',
    channelId: '1100000000000000003',
    time: '09:00',
    timezone: 'UTC',
    frequency: 'daily' as const,
    rotation: { seed: 1, posted: [] },
    updatedAt: 0,
  };
  const HOUR = 3_600_000;
  const slot = Date.UTC(2026, 10, 28, 9);

  it('GIVEN a slot in the future THEN wait; at or after it THEN post', () => {
    expect(dueAction({ ...base, nextRunAt: slot }, slot - 1, HOUR)).toEqual({ kind: 'wait' });
    expect(dueAction({ ...base, nextRunAt: slot }, slot, HOUR)).toEqual({ kind: 'post', slotAt: slot });
  });

  it('GIVEN the bot was down less than the grace THEN the missed slot is posted once it is back', () => {
    expect(dueAction({ ...base, nextRunAt: slot }, slot + HOUR - 1, HOUR)).toEqual({
      kind: 'post',
      slotAt: slot,
    });
  });

  it('GIVEN the bot was down longer than the grace THEN the slot is skipped', () => {
    expect(dueAction({ ...base, nextRunAt: slot }, slot + HOUR + 1, HOUR)).toEqual({
      kind: 'skip',
      slotAt: slot,
      lateByMs: HOUR + 1,
    });
  });

  it('GIVEN a slot in flight THEN it is resumed however late (it may already be posted), after its retry time', () => {
    const inFlight = {
      slot: 's',
      slotAt: slot,
      tipId: 't',
      startedAt: slot,
      attempts: 1,
      retryAt: slot + 10_000,
    };
    expect(dueAction({ ...base, nextRunAt: slot, inFlight }, slot + 5_000, HOUR)).toEqual({ kind: 'wait' });
    expect(dueAction({ ...base, nextRunAt: slot, inFlight }, slot + 5 * HOUR, HOUR)).toEqual({
      kind: 'resume',
      slotAt: slot,
      inFlight,
    });
  });

  it('GIVEN a paused schedule THEN nothing is due', () => {
    expect(dueAction({ ...base, nextRunAt: slot, paused: { reason: 'x', at: 0 } }, slot + 1, HOUR)).toEqual({
      kind: 'wait',
    });
  });

  it('GIVEN repeated failures THEN retries back off from 5 s to at most 5 minutes', () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 300_000]);
  });
});

describe('zoneNote', () => {
  it('GIVEN a zone typed by an abbreviation of a zone without daylight saving THEN says so and names a city zone', () => {
    expect(zoneNote('EST', canonicalZone('EST') ?? '')).toMatch(
      /^“EST” is America\/Panama's time, UTC-05:00 all year \(no daylight saving\)\. .*America\/New_York/,
    );
  });

  it('GIVEN a zone typed by another name THEN names the zone it is read as; by its own name THEN nothing', () => {
    expect(zoneNote('US/Eastern', 'America/New_York')).toBe('“US/Eastern” is read as America/New_York.');
    expect(zoneNote('europe/berlin', 'Europe/Berlin')).toBeUndefined();
    expect(zoneNote(' UTC ', 'UTC')).toBeUndefined();
    // The Etc zones' signs are POSIX's, the reverse of what their names suggest: said, however typed.
    expect(zoneNote('Etc/GMT+2', 'Etc/GMT+2')).toBe(
      "Etc/GMT+2 is UTC-02:00 all year: in the Etc zones' names the sign is reversed. For UTC+02:00, choose Etc/GMT-2. To follow a city's clock, choose its zone, e.g. Europe/Berlin.",
    );
    expect(zoneNote('etc/gmt-10', 'Etc/GMT-10')).toMatch(
      /^Etc\/GMT-10 is UTC\+10:00 all year: .* For UTC-10:00, choose Etc\/GMT\+10\./,
    );
    expect(zoneNote('Etc/GMT', 'Etc/GMT')).toBeUndefined();
    // No Etc/GMT+14 exists to offer for Etc/GMT-14.
    expect(zoneNote('Etc/GMT-14', 'Etc/GMT-14')).toBe(
      "Etc/GMT-14 is UTC+14:00 all year: in the Etc zones' names the sign is reversed. To follow a city's clock, choose its zone, e.g. Europe/Berlin.",
    );
  });
});

describe('matchingZones with a name Intl reads', () => {
  it('GIVEN an abbreviation or an old name typed whole THEN the zone it names comes first, once', () => {
    expect(matchingZones('EST')[0]).toBe('America/Panama');
    expect(matchingZones('US/Eastern')).toEqual(['America/New_York']);
    expect(matchingZones('calcutta')).toEqual(['Asia/Kolkata']);
    expect(matchingZones('berl')).toEqual(['Europe/Berlin']);
  });
});
