import { describe, expect, it } from 'vitest';
import {
  Clock,
  isoSeconds,
  parseDuration,
  parseInstant,
} from '../../../mock-server/kernel/clock.ts';
import { Scheduler } from '../../../mock-server/kernel/scheduler.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['90m', 5_400_000],
    ['7d', 604_800_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    [250, 250],
  ] as const)('reads %s as %i ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['7 days', '', 'd', '-1h', '1w'])(
    'refuses %j with a message that shows the accepted forms',
    (input) => {
      expect(() => parseDuration(input)).toThrow(
        /use a number of milliseconds or units s, m, h, d/,
      );
    },
  );

  it('refuses a negative number of milliseconds', () => {
    expect(() => parseDuration(-5)).toThrow(
      'a duration must be a finite number of milliseconds >= 0, got -5',
    );
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-05-28', Date.UTC(2026, 4, 28)],
    ['2026-05-28T14:02:11Z', Date.UTC(2026, 4, 28, 14, 2, 11)],
    ['2026-05-28T14:02Z', Date.UTC(2026, 4, 28, 14, 2)],
    ['2026-05-28T14:02:11.600Z', Date.UTC(2026, 4, 28, 14, 2, 11, 600)],
    ['2026-05-28T16:02:11+02:00', Date.UTC(2026, 4, 28, 14, 2, 11)],
  ])('takes ISO 8601 %j', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    '-5',
    '5',
    'May 28, 2026',
    '2026/05/28',
    'Thu, 28 May 2026 14:02:11 GMT',
    '2026-05-28T14:02:11',
  ])('refuses %j, which Date.parse would take as some date', (text) => {
    expect(() => parseInstant(text)).toThrow(
      `"${text}" is not a valid date: write ISO 8601, such as 2026-05-28T14:02:11Z (a time needs Z or an offset)`,
    );
  });
});

describe('Clock', () => {
  it('stands still unless moved', () => {
    const clock = new Clock(1_000, { wallClock: () => 5_000 });
    expect(clock.now()).toBe(1_000);
    clock.moveTo(2_500);
    expect(clock.now()).toBe(2_500);
  });

  it('follows the wall clock in real-time mode, plus what it was moved by', () => {
    let wall = 10_000;
    const clock = new Clock(1_000, { realtime: true, wallClock: () => wall });
    wall += 300;
    expect(clock.now()).toBe(1_300);
    clock.moveTo(5_000);
    wall += 100;
    expect(clock.now()).toBe(5_100);
  });

  it('writes timestamps to the second, like the API', () => {
    expect(isoSeconds(Date.parse('2026-05-28T14:02:11.987Z'))).toBe('2026-05-28T14:02:11Z');
  });
});

describe('Scheduler', () => {
  it('runs due tasks in time order, with the clock at each task’s time', () => {
    const clock = new Clock(0);
    const scheduler = new Scheduler(clock);
    const seen: string[] = [];
    scheduler.at(300, () => seen.push(`b@${clock.now()}`));
    scheduler.at(100, () => seen.push(`a@${clock.now()}`));
    scheduler.at(300, () => seen.push(`c@${clock.now()}`));
    scheduler.runUntil(250);
    expect(seen).toEqual(['a@100']);
    expect(clock.now()).toBe(250);
    scheduler.runUntil(1_000);
    expect(seen).toEqual(['a@100', 'b@300', 'c@300']);
    expect(clock.now()).toBe(1_000);
  });

  it('runs tasks scheduled by tasks when they fall due in the same advance', () => {
    const clock = new Clock(0);
    const scheduler = new Scheduler(clock);
    const ticks: number[] = [];
    const tick = () => {
      ticks.push(clock.now());
      if (ticks.length < 5) scheduler.after(10, tick);
    };
    scheduler.after(10, tick);
    scheduler.runUntil(35);
    expect(ticks).toEqual([10, 20, 30]);
    scheduler.runUntil(100);
    expect(ticks).toEqual([10, 20, 30, 40, 50]);
    expect(scheduler.pending).toBe(0);
  });
});
