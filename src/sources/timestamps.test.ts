import { describe, expect, it } from 'vitest';
import { parseTimestamp, zoneOffsetMinutes } from './timestamps.js';

describe('parseTimestamp', () => {
  it('reads the forms export formats write', () => {
    const t = Date.UTC(2018, 9, 10, 20, 19, 24);
    expect(parseTimestamp('Wed Oct 10 20:19:24 +0000 2018')).toBe(t);
    expect(parseTimestamp('Wed Oct 10 22:19:24 +0200 2018')).toBe(t);
    expect(parseTimestamp('2018-10-10T20:19:24.000Z')).toBe(t);
    expect(parseTimestamp('2018-10-10T20:19:24.123456Z')).toBe(t + 123);
    expect(parseTimestamp('2018-10-10 23:19:24+03:00')).toBe(t);
    expect(parseTimestamp('2018-10-10T20:19:24+0000')).toBe(t);
    expect(parseTimestamp('2018-10-10 16:19:24 EDT')).toBe(t);
    expect(parseTimestamp('2018-10-10 22:19:24 CEST')).toBe(t);
    expect(parseTimestamp('Wed, 10 Oct 2018 20:19:24 GMT')).toBe(t);
    expect(parseTimestamp(1539202764)).toBe(t);
    expect(parseTimestamp('1539202764000')).toBe(t);
    expect(parseTimestamp('2018-10-10')).toBe(Date.UTC(2018, 9, 10));
  });

  it('takes zone-less times as UTC or the given offset, never the machine zone', () => {
    expect(parseTimestamp('2018-10-10 20:19:24')).toBe(Date.UTC(2018, 9, 10, 20, 19, 24));
    expect(parseTimestamp('2018-10-10 20:19:24', 60)).toBe(Date.UTC(2018, 9, 10, 19, 19, 24));
  });

  it('refuses what it cannot read for certain', () => {
    for (const bad of ['yesterday', '2018-02-30 10:00:00', '2018-10-10 20:19:24 IST', '10/10/2018', '', 'Wed Oct 10 20:19:24 2018', Number.NaN, null, {}]) {
      expect(parseTimestamp(bad), String(bad)).toBeNaN();
    }
    expect(zoneOffsetMinutes('+05:30')).toBe(330);
    expect(zoneOffsetMinutes('-0800')).toBe(-480);
  });
});
