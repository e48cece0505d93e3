import { describe, expect, it } from 'vitest';
import { abbreviationHint, scheduleZone, scheduleZones, zoneNote } from '../../src/core/schedule.js';
import { canonicalZone } from '../../src/core/zoned-time.js';

describe('time zone abbreviations for a schedule', () => {
  it('GIVEN an abbreviation Intl reads as a zone few mean by it (BST is Asia/Dhaka) THEN it is refused with the zones meant', () => {
    // Whatever this Node's ICU reads them as (Asia/Dhaka, Pacific/Auckland, or nothing).
    for (const typed of ['BST', 'bst', ' Bst ', 'NST', 'AST', 'IST', 'CST', 'ART', 'ECT', 'SST', 'ACT'])
      expect(scheduleZone(typed), typed).toBeUndefined();
    expect(abbreviationHint(' bst ')).toBe(
      'Abbreviations such as BST stand for different zones in different places: did you mean Europe/London or Asia/Dhaka?',
    );
    expect(abbreviationHint('NST')).toMatch(/did you mean America\/St_Johns\?$/);
  });

  it('GIVEN a summer abbreviation, which is no zone THEN the hint names the zones that use it', () => {
    expect(scheduleZone('CEST')).toBeUndefined();
    expect(abbreviationHint('cest')).toMatch(
      /did you mean Europe\/Berlin, Europe\/Paris or Europe\/Madrid\?$/,
    );
    expect(abbreviationHint('EDT')).toMatch(/America\/New_York/);
  });

  it('GIVEN names read as meant (PST, EST, a zone, an alias) THEN they are taken as before, without a hint', () => {
    // As canonicalZone reads them, whatever zone this Node's ICU names for them.
    for (const typed of ['PST', 'EST', 'JST']) {
      expect(scheduleZone(typed), typed).toBeDefined();
      expect(scheduleZone(typed), typed).toBe(canonicalZone(typed));
    }
    expect(scheduleZone('europe/london')).toBe('Europe/London');
    expect(scheduleZone('US/Eastern')).toBe('America/New_York');
    for (const typed of ['PST', 'Europe/London', 'berlin', ''])
      expect(abbreviationHint(typed)).toBeUndefined();
  });

  it('GIVEN an abbreviation typed in the autocomplete THEN the zones meant come first, and not the one Intl reads unless meant', () => {
    expect(scheduleZones('bst').slice(0, 2)).toEqual(['Europe/London', 'Asia/Dhaka']);
    const art = scheduleZones('ART');
    expect(art[0]).toBe('America/Argentina/Buenos_Aires');
    // Not the zone Intl reads ART as (Africa/Cairo, on Node 20), which no one means by it.
    const read = canonicalZone('ART');
    if (read !== undefined) expect(art).not.toContain(read);
    expect(scheduleZones('berl')).toEqual(['Europe/Berlin']);
    expect(scheduleZones('')).toHaveLength(25);
  });

  it('GIVEN an abbreviation whose note names a city zone typed in the autocomplete THEN that zone comes first, then the zone it is read as', () => {
    expect(scheduleZones('gmt').slice(0, 2)).toEqual(['Europe/London', 'UTC']);
    expect(scheduleZones(' EST ').slice(0, 2)).toEqual(['America/New_York', 'America/Panama']);
    expect(scheduleZones('mst')[0]).toBe('America/Denver');
    expect(scheduleZones('est').length).toBeLessThanOrEqual(25);
  });

  it('GIVEN every zone offered for an abbreviation THEN each is one a schedule takes as written', () => {
    for (const typed of [
      'BST',
      'IST',
      'AST',
      'CST',
      'ART',
      'ECT',
      'NST',
      'SST',
      'ACT',
      'CEST',
      'EDT',
      'AEST',
      'EEST',
    ])
      for (const zone of scheduleZones(typed).slice(0, 3))
        expect(scheduleZone(zone), `${typed}: ${zone}`).toBe(zone);
  });

  it('GIVEN an abbreviation read as a zone without daylight saving THEN the note names a city zone only where people live by one with it', () => {
    expect(zoneNote('MST', 'America/Phoenix')).toMatch(/e\.g\. America\/Denver\.$/);
    expect(zoneNote('est', 'America/Panama')).toMatch(/e\.g\. America\/New_York\.$/);
    // GMT is read as UTC, which the UK's clock is not in summer.
    expect(zoneNote(' gmt ', 'UTC')).toBe(
      "“gmt” is UTC all year (no daylight saving). To follow a city's clock, choose its zone, e.g. Europe/London.",
    );
    expect(zoneNote('UTC', 'UTC')).toBeUndefined();
    expect(zoneNote('JST', 'Asia/Tokyo')).toBe(
      "“JST” is Asia/Tokyo's time, UTC+09:00 all year (no daylight saving).",
    );
  });
});
