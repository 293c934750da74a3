import { halfTimeHalfTask, isLeapYear, progressGap, targetProgress, timeProgress } from '../../../src/core/compute/progress';

describe('targetProgress', () => {
  it('is cumulative / target × 100', () => {
    expect(targetProgress(89, 250)).toBe(35.6);
    expect(targetProgress(1, 3, { decimals: 1 })).toBe(33.3);
    expect(targetProgress(0, 100)).toBe(0);
    expect(targetProgress(120, 100)).toBe(120);
  });

  it('has no result without a positive target', () => {
    expect(targetProgress(10, 0)).toBeNull();
    expect(targetProgress(10, -5)).toBeNull();
    expect(targetProgress(null, 100)).toBeNull();
    expect(targetProgress(10, NaN)).toBeNull();
    expect(targetProgress(1e308, 1e-10)).toBeNull();
  });
});

describe('timeProgress', () => {
  it('counts months by default', () => {
    expect(timeProgress({ month: 6 })).toBe(50);
    expect(timeProgress({ month: 12 })).toBe(100);
    expect(timeProgress({ month: 0 })).toBe(0);
    expect(timeProgress({ month: 9 })).toBe(75);
    expect(timeProgress({ month: 1 })).toBeCloseTo(8.3333333, 6);
  });

  it('counts days when asked', () => {
    expect(timeProgress({ month: 6 }, 'days')).toBeCloseTo((181 / 365) * 100, 12);
    expect(timeProgress({ month: 6, year: 2024 }, 'days')).toBeCloseTo((182 / 366) * 100, 12);
    expect(timeProgress({ month: 1, year: 2024 }, 'days')).toBeCloseTo((31 / 366) * 100, 12);
    expect(timeProgress({ month: 12, year: 2024 }, 'days')).toBe(100);
    expect(timeProgress({ month: 12, year: 2025 }, 'days')).toBe(100);
    expect(timeProgress({ day: 73 })).toBe(20);
    expect(timeProgress({ day: 183, year: 2024 })).toBe(50);
    expect(timeProgress({ day: 183, daysInYear: 366 }, 'days')).toBe(50);
  });

  it('knows leap years', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it('has no result for impossible periods', () => {
    expect(timeProgress({ month: 13 })).toBeNull();
    expect(timeProgress({ month: -1 })).toBeNull();
    expect(timeProgress({ month: 6.5 })).toBeNull();
    expect(timeProgress({ month: NaN })).toBeNull();
    expect(timeProgress({ day: 366 })).toBeNull();
    expect(timeProgress({ day: 366, year: 2024 })).toBe(100);
    expect(timeProgress({ day: 10, daysInYear: 360 })).toBeNull();
    expect(timeProgress({ day: 10, year: 2024.5 })).toBeNull();
    expect(timeProgress({ month: 3, year: NaN }, 'days')).toBeNull();
  });
});

describe('progressGap', () => {
  it('gives the gap in points and whether the task is behind', () => {
    expect(progressGap(45, 50)).toEqual({ points: -5, behind: true });
    expect(progressGap(35.6, timeProgress({ month: 6 }))).toEqual({ points: -14.4, behind: true });
    expect(progressGap(75.04, 75)).toEqual({ points: 0, behind: false });
    expect(progressGap(76.25, 75)).toEqual({ points: 1.3, behind: false });
    expect(progressGap(49.96, 50)).toEqual({ points: 0, behind: false }); // shows 50.0
    expect(progressGap(49.94, 50)).toEqual({ points: -0.1, behind: true });
    expect(progressGap(null, 50)).toBeNull();
  });

  it('时间过半、任务过半 at month 6', () => {
    const half = timeProgress({ month: 6 }) as number;
    expect(half).toBe(50);
    expect(halfTimeHalfTask(targetProgress(50, 100))).toBe(true);
    expect(halfTimeHalfTask(targetProgress(499.6, 1000))).toBe(true); // 49.96 shows 50.0
    expect(halfTimeHalfTask(targetProgress(49, 100))).toBe(false);
    expect(halfTimeHalfTask(49.96, 2)).toBe(false);
    expect(halfTimeHalfTask(null)).toBeNull();
    expect(progressGap(targetProgress(52, 100), half)?.behind).toBe(false);
  });
});
