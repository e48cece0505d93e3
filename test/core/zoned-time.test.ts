import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/core/front-matter.js';
import { matchingZones, readOffset, zonedInstant, zoneHint } from '../../src/core/zoned-time.js';

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

/** A summer and a winter instant, for the places at an offset. */
const JULY = Date.UTC(2026, 6, 1);
const JANUARY = Date.UTC(2026, 0, 1);

describe('UTC offsets typed for a zone', () => {
  it('GIVEN UTC±N, GMT±N or ±HH:MM in whole hours THEN the Etc zone at it all year, its sign reversed', () => {
    for (const typed of ['UTC+2', 'gmt+2', 'GMT +02', '+02:00', '+0200', 'utc+2'])
      expect(readOffset(typed)?.zone, typed).toBe('Etc/GMT-2');
    expect(readOffset('UTC-5')?.zone).toBe('Etc/GMT+5');
    expect(readOffset('utc \u2212 5')?.zone).toBe('Etc/GMT+5');
    expect(readOffset('-05:00')).toEqual({ minutes: -300, name: 'GMT-05:00', zone: 'Etc/GMT+5' });
    expect(readOffset('+14')?.zone).toBe('Etc/GMT-14');
    expect(readOffset('UTC+0')?.zone).toBe('UTC');
  });

  it('GIVEN an offset no Etc zone has, or none at all THEN no zone; words THEN no offset', () => {
    expect(readOffset('+05:30')).toEqual({ minutes: 330, name: 'GMT+05:30' });
    expect(readOffset('UTC-13')?.zone).toBeUndefined();
    for (const typed of ['+15', '+14:30', 'UTC-14:15', 'UTC+2:75', 'berlin', 'UTC', 'Etc/GMT+2', '2', 'utc+'])
      expect(readOffset(typed), typed).toBeUndefined();
  });

  it('GIVEN an offset typed in the autocomplete THEN the Etc zone first, then the places at it then', () => {
    const summer = matchingZones('gmt+2', 25, JULY);
    expect(summer[0]).toBe('Etc/GMT-2');
    expect(summer).toContain('Europe/Berlin');
    expect(summer).not.toContain('Etc/GMT+2');
    const winter = matchingZones('UTC+2', 25, JANUARY);
    expect(winter[0]).toBe('Etc/GMT-2');
    expect(winter).not.toContain('Europe/Berlin');
    expect(winter).toContain('Africa/Cairo');
    expect(matchingZones('+05:30', 25, JANUARY)).toEqual(['Asia/Kolkata', 'Asia/Colombo']);
  });
});

describe('zoneHint for what is no zone', () => {
  it('GIVEN part of a zone’s name THEN asks whether that zone was meant', () => {
    expect(zoneHint('berlin')).toBe('Did you mean Europe/Berlin?');
    expect(zoneHint('new york')).toBe('Did you mean America/New_York?');
    expect(zoneHint('calcutta')).toBe('Did you mean Asia/Kolkata?');
    // Places typed with their accents, which IANA's names leave out.
    expect(zoneHint('São Paulo')).toBe('Did you mean America/Sao_Paulo?');
    expect(zoneHint('Zürich')).toBe('Did you mean Europe/Zurich?');
    expect(matchingZones('bogotá')).toEqual(['America/Bogota']);
    expect(zoneHint('america/')).toMatch(
      /^Did you mean America\/\w+, America\/\w+, America\/\w+ or another\? Start typing/,
    );
  });

  it('GIVEN an offset no zone keeps all year THEN the places at it now; nothing close THEN no hint', () => {
    expect(zoneHint('+05:30', JANUARY)).toBe(
      "No zone has UTC+05:30 all year: choose a place's zone, e.g. Asia/Kolkata or Asia/Colombo.",
    );
    expect(zoneHint('UTC-13', JANUARY)).toBe('No zone is at UTC-13:00 now.');
    for (const typed of ['Mars/Olympus', 'x', '  ']) expect(zoneHint(typed), typed).toBeUndefined();
  });
});
