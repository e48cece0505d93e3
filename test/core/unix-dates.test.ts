import { describe, expect, it } from 'vitest';
import { unixDate, unixDateProblem } from '../../src/core/unix-dates.js';

describe('unixDate', () => {
  it('GIVEN whole Unix seconds THEN the timestamp, in UTC or as the wall time in the site zone with its offset', () => {
    expect(unixDate(1704448800)).toBe('2024-01-05T10:00:00Z');
    expect(unixDate(0)).toBe('1970-01-01T00:00:00Z');
    expect(unixDate(-86400)).toBe('1969-12-31T00:00:00Z');
    expect(unixDate(1704416400, 'America/Los_Angeles')).toBe('2024-01-04T17:00:00-08:00');
    expect(unixDate(1704448800, 'Asia/Kolkata')).toBe('2024-01-05T15:30:00+05:30');
    expect(unixDate(1704448800, 'UTC')).toBe('2024-01-05T10:00:00+00:00');
    expect(unixDate(253402300799)).toBe('9999-12-31T23:59:59Z');
  });

  it('GIVEN a fraction, or seconds outside the years 1 to 9999 THEN none, and a problem that says what to write', () => {
    for (const value of [1.5, 253402300800, -62135596801, Number.NaN, Number.POSITIVE_INFINITY])
      expect(unixDate(value), String(value)).toBeUndefined();
    expect(unixDate(253402300799, 'Asia/Tokyo')).toBeUndefined();
    // The first second of the year 1 is in the year 0 west of UTC.
    expect(unixDate(-62135596800, 'America/New_York')).toBeUndefined();
    expect(unixDate(-62135596800)).toBe('0001-01-01T00:00:00Z');
    expect(unixDateProblem(1.5)).toMatch(/^1\.5 is no whole number of seconds/);
    expect(unixDateProblem(1704448800000)).toBe(
      '1704448800000 is past the year 9999 as Unix seconds: if it is milliseconds, write seconds, 1704448800, or the day, like "2024-01-05"',
    );
    expect(unixDateProblem(-1e17)).toMatch(
      /^-100000000000000000 is before the year 1 as Unix seconds: write the day/,
    );
  });
});
