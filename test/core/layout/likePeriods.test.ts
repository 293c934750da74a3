import { likePeriods } from '../../../src/core/layout';

describe('growth compares like periods only', () => {
  test.each([
    ['2023', '2022'],
    ['9 months of 2023', '9 months of 2022'],
    ['1 half-year of 2023', '1 half-year of 2022'],
    ['2025年1-3月', '2024年1-3月'],
    ['2025年3月末', '2024年3月末'],
    ['2023年', '2022年'],
  ])('%s against %s', (a, b) => expect(likePeriods(a, b)).toBe(true));

  test.each([
    ['2023', '9 months of 2023'],
    ['2023', '2021'],
    ['9 months of 2023', '1 half-year of 2022'],
    ['2025年1-3月', '2025年1-2月'],
    ['1-3月', '1-3月'],
    ['2025年3月末', '2024年1-3月'],
    ['2023', null],
  ])('not %s against %s', (a, b) => expect(likePeriods(a, b)).toBe(false));
});
