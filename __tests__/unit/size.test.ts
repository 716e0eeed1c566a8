import {describe, expect, test} from '@jest/globals';
import {parseSize, formatSize, formatScaled} from '../../src/lib/size.js';

describe('parseSize: decimal units are powers of 1000, binary ones of 1024', () => {
  test.each([
    ['1', 1, 'B'],
    ['123456', 123456, 'B'],
    ['10B', 10, 'B'],
    ['800KB', 800_000, 'KB'],
    ['800kB', 800_000, 'KB'],
    ['500MB', 500_000_000, 'MB'],
    ['500 mb', 500_000_000, 'MB'],
    ['1.5GB', 1_500_000_000, 'GB'],
    ['1TB', 1e12, 'TB'],
    ['1KiB', 1024, 'KiB'],
    ['1.5GiB', 1_610_612_736, 'GiB'],
    ['2mib', 2_097_152, 'MiB'],
    ['1TiB', 2 ** 40, 'TiB'],
    ['1.0005KB', 1000, 'KB']
  ])('%s is %d bytes', (text, bytes, unit) => {
    expect(parseSize(text)).toEqual({bytes, unit});
  });

  test.each(['', 'MB', '5 M', '5k', '1e6', '-1', '1,000', '0x10', '5 MBs', '1.5.5MB', '0', '0.4'])('"%s" is refused', text => {
    expect(() => parseSize(text)).toThrow(/is not a size|less than one byte/);
  });
});

describe('formatSize: in the budget\'s unit', () => {
  test.each([
    [1068852, 'MB', '1.07 MB'],
    [1068852, 'KB', '1068.9 KB'],
    [100_400, 'KB', '100.4 KB'],
    [1_048_576, 'MiB', '1 MiB'],
    [1234, 'B', '1234 B'],
    [-2500, 'KB', '-2.5 KB'],
    [0, 'GB', '0 GB']
  ])('%d in %s: %s', (bytes, unit, shown) => {
    expect(formatSize(bytes, unit)).toBe(shown);
  });
});

describe('formatScaled: the largest unit of the budget family that shows at least 1, no larger than the budget unit', () => {
  test.each([
    [300, 'MB', '300 B'],
    [2500, 'MB', '2.5 KB'],
    [2_500_000, 'MB', '2.5 MB'],
    [2_500_000_000, 'MB', '2500 MB'],
    [2048, 'MiB', '2 KiB'],
    [1000, 'MiB', '1000 B'],
    [5, 'B', '5 B']
  ])('%d against %s: %s', (bytes, unit, shown) => {
    expect(formatScaled(bytes, unit)).toBe(shown);
  });
});
