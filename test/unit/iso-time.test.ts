import { describe, expect, it } from 'vitest';
import { isoUtcMs } from '../../src/main/import/formats/iso-time';
import { timeOf } from '../../src/main/import/formats/tweets';
import { seededRandom } from '../../src/shared/random';

// The hand-read path must give what Date.parse gives, or step aside (NaN) and leave the text to it.

describe('isoUtcMs', () => {
  it('agrees with Date.parse on 100,000 times from 1000 to 9999 (days 1 to 28; it steps aside for the others)', () => {
    const random = seededRandom(7);
    const min = Date.UTC(1000, 0, 1);
    const max = Date.UTC(9999, 11, 31);
    for (let i = 0; i < 100_000; i++) {
      const text = new Date(min + Math.floor(random() * (max - min))).toISOString();
      expect(isoUtcMs(text) === Date.parse(text) || (Number.isNaN(isoUtcMs(text)) && text.slice(8, 10) > '28'), text).toBe(true);
    }
    for (const text of ['2019-03-28T21:34:08.000Z', '2024-01-01T00:00:00.000Z', '1999-12-28T23:59:59.999Z']) {
      expect(isoUtcMs(text)).toBe(Date.parse(text));
    }
    // Days 29 to 31 go to Date.parse (see the second test); timeOf reads them the same either way.
    expect(timeOf('2019-03-29T21:34:08.000Z')).toBe(Date.parse('2019-03-29T21:34:08.000Z'));
  });

  it('steps aside for every other shape, which timeOf still reads as Date.parse does', () => {
    const others = [
      '2021-02-30T00:00:00.000Z', '2021-04-31T10:00:00.000Z', '2021-01-01T24:00:00.000Z', '0099-01-01T00:00:00.000Z',
      '2021-13-01T00:00:00.000Z', '2021-00-10T00:00:00.000Z', '2021-01-00T00:00:00.000Z', '2021-01-01T00:60:00.000Z',
      '2021-01-01T00:00:60.000Z', '2021-01-01T00:00:00.000+', '2021-01-01 00:00:00.000Z', '2021-01-01T00:00:00Z',
      '2021-01-01T00:00:00.0000Z', '2021-0a-01T00:00:00.000Z', '+02021-01-01T00:00:00.00Z', 'Wed Oct 10 20:19:24 +0000 2018',
      '2021-01-01T00:00:00.000z', '', 'not a time at all, 24 ch',
    ];
    for (const text of others) {
      expect(isoUtcMs(text), text).toBeNaN();
      const parsed = Date.parse(text);
      expect(timeOf(text), text).toBe(Number.isNaN(parsed) ? null : parsed);
    }
  });
});
