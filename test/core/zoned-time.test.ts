import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/core/front-matter.js';
import { zonedInstant } from '../../src/core/zoned-time.js';

/** The instant clocks in `zone` show the wall time `wall` (`YYYY-MM-DDTHH:MM:SS`), as ISO. */
const at = (wall: string, zone: string): string =>
  new Date(zonedInstant(Date.parse(`${wall}Z`), zone)).toISOString();

describe('zonedInstant: a wall time in a zone', () => {
  it('GIVEN a wall time THEN the instant is it less the offset there, on either side of UTC', () => {
    expect(at('2024-03-01T01:00:00', 'America/New_York')).toBe('2024-03-01T06:00:00.000Z');
    expect(at('2024-03-01T01:00:00', 'Asia/Tokyo')).toBe('2024-02-29T16:00:00.000Z');
    expect(at('2024-06-01T00:00:00', 'Asia/Kolkata')).toBe('2024-05-31T18:30:00.000Z');
    expect(at('2024-07-01T12:00:00', 'America/New_York')).toBe('2024-07-01T16:00:00.000Z');
    expect(at('2024-07-01T12:00:00', 'UTC')).toBe('2024-07-01T12:00:00.000Z');
    // An offset in seconds, before time zones were standard.
    expect(at('1850-01-01T00:00:00', 'America/New_York')).toBe('1850-01-01T04:56:02.000Z');
  });

  it('GIVEN the hour skipped in spring THEN it is read with the offset before (02:30 is 03:30); an hour that happens twice, the first', () => {
    expect(at('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(at('2024-03-31T02:30:00', 'Europe/Berlin')).toBe('2024-03-31T01:30:00.000Z');
    expect(at('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    expect(at('2024-10-27T02:30:00', 'Europe/Berlin')).toBe('2024-10-27T00:30:00.000Z');
  });
});

describe("instantOf in the site's time zone", () => {
  it('GIVEN a date or date-time without a zone THEN it is that wall time in the zone; a day its midnight there', () => {
    expect(instantOf('2024-03-01 01:00', 'America/New_York')).toBe('2024-03-01T06:00:00.000Z');
    expect(instantOf('2024-03-01T01:00:00.000', 'Asia/Tokyo')).toBe('2024-02-29T16:00:00.000Z');
    expect(instantOf('2024-03-01', 'Asia/Tokyo')).toBe('2024-02-29T15:00:00.000Z');
    expect(instantOf('Mar 1, 2024', 'America/New_York')).toBe('2024-03-01T05:00:00.000Z');
  });

  it('GIVEN a zone written, or no site zone THEN the instant is as before', () => {
    expect(instantOf('2024-03-01 01:00 Z', 'Asia/Tokyo')).toBe('2024-03-01T01:00:00.000Z');
    expect(instantOf('2024-03-01T01:00:00+01:00', 'Asia/Tokyo')).toBe('2024-03-01T00:00:00.000Z');
    expect(instantOf('2024-03-01 01:00 -5', 'Asia/Tokyo')).toBe('2024-03-01T06:00:00.000Z');
    expect(instantOf('2024-03-01 01:00')).toBe('2024-03-01T01:00:00.000Z');
    expect(instantOf('2024-03-01')).toBe('2024-03-01T00:00:00.000Z');
    expect(instantOf('2024-02-30', 'Asia/Tokyo')).toBeUndefined();
  });
});
