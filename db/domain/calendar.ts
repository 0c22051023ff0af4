/**
 * The working-time calendar of a tenant: when the desk is open, so that "1 working day" means the
 * same thing in Rome, Bucharest, Tehran, Moscow and São Paulo. Pure: every instant is passed in.
 */
import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { parseField } from './validate';

export interface WorkingCalendar {
  /** IANA zone the opening hours are written in, e.g. `Europe/Rome`. */
  timeZone: string;
  /** ISO weekdays the desk works, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local opening and closing time, `HH:MM`; working time is the half-open `[dayStart, dayEnd)`. */
  dayStart: string;
  dayEnd: string;
  /** ISO 3166-1 alpha-2 code: the country's public holidays (date-holidays) are closed days. */
  holidayCountry?: string;
  /** State/region code inside `holidayCountry` (date-holidays `getStates`), adding local holidays. */
  holidayRegion?: string;
  /** Local dates `YYYY-MM-DD` the desk is closed besides weekends and public holidays. */
  extraClosedDates?: string[];
}

/** Seed 002's hours (8:00–17:30 on working days) on an Italian desk. */
export const defaultCalendar: WorkingCalendar = {
  timeZone: 'Europe/Rome', workingDays: [1, 2, 3, 4, 5], dayStart: '08:00', dayEnd: '17:30', holidayCountry: 'IT',
};

const DAY_MS = 86_400_000;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Days since 1970-01-01 of a local calendar date, or null when the date does not exist. */
function epochDayOf(localDate: string): number | null {
  const match = datePattern.exec(localDate);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March; a round trip tells real dates from such inventions.
  return isoDateOf(ms / DAY_MS) === localDate ? ms / DAY_MS : null;
}

function isoDateOf(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

// Building a Holidays object parses the rules of a country (milliseconds each), so the instances
// and the expanded holiday dates are memoised for the life of the process. They are immutable
// reference data: caching them does not make the functions below any less pure.
let countryList: Set<string> | undefined;
const holidayRules = new Map<string, Holidays>();
const holidayDates = new Map<string, ReadonlySet<string>>();

function knownCountries(): Set<string> {
  countryList ??= new Set(Object.keys(new Holidays().getCountries()));
  return countryList;
}

function knownRegions(country: string): Set<string> {
  return new Set(Object.keys(new Holidays().getStates(country) ?? {}));
}

function rulesFor(country: string, region: string | undefined): Holidays {
  const key = `${country}/${region ?? ''}`;
  let rules = holidayRules.get(key);
  if (!rules) {
    rules = region ? new Holidays(country, region) : new Holidays(country);
    holidayRules.set(key, rules);
  }
  return rules;
}

/** Local dates of the public holidays of `year`, including multi-day ones (Russia's New Year week). */
function publicHolidays(country: string, region: string | undefined, year: number): ReadonlySet<string> {
  const key = `${country}/${region ?? ''}/${year}`;
  const cached = holidayDates.get(key);
  if (cached) return cached;
  const dates = new Set<string>();
  // A holiday of the previous year may run into this one (31 Dec – 2 Jan), hence both years.
  for (const y of [year - 1, year]) {
    for (const holiday of rulesFor(country, region).getHolidays(y)) {
      if (holiday.type !== 'public') continue;
      // The date text is the civil date; `start` may lie on the eve (Islamic days begin at sunset),
      // so only the length in days is taken from start/end.
      const first = epochDayOf(holiday.date.slice(0, 10));
      if (first === null) continue;
      const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < span; i++) {
        const date = isoDateOf(first + i);
        if (date.startsWith(`${year}-`)) dates.add(date);
      }
    }
  }
  holidayDates.set(key, dates);
  return dates;
}

const localDate = z
  .string()
  .refine((s) => epochDayOf(s) !== null, 'extraClosedDates: each entry must be a real date written YYYY-MM-DD');

/** Validates (and fills the defaults of) a tenant's calendar; codes are upper-cased. */
export const workingCalendarSchema = z
  .object({
    timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), 'timeZone must be an IANA time zone such as Europe/Rome'),
    workingDays: z
      .array(z.number().int().min(1, 'workingDays are ISO weekdays 1–7').max(7, 'workingDays are ISO weekdays 1–7'))
      .min(1, 'workingDays must name at least one weekday')
      .refine((days) => new Set(days).size === days.length, 'workingDays must not repeat a weekday')
      .default(() => [1, 2, 3, 4, 5]),
    dayStart: z.string().regex(timePattern, 'dayStart must be HH:MM').default('08:00'),
    dayEnd: z.string().regex(timePattern, 'dayEnd must be HH:MM').default('17:30'),
    holidayCountry: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => knownCountries().has(c), 'holidayCountry must be a country code date-holidays knows, e.g. IT')
      .optional(),
    holidayRegion: z.string().trim().toUpperCase().min(1).optional(),
    extraClosedDates: z.array(localDate).optional(),
  })
  .superRefine((cal, ctx) => {
    if (timePattern.test(cal.dayStart) && timePattern.test(cal.dayEnd) && minutesOf(cal.dayStart) >= minutesOf(cal.dayEnd)) {
      ctx.addIssue({ code: 'custom', path: ['dayEnd'], message: 'dayEnd must be later than dayStart' });
    }
    if (cal.holidayRegion === undefined) return;
    if (cal.holidayCountry === undefined) {
      ctx.addIssue({ code: 'custom', path: ['holidayRegion'], message: 'holidayRegion needs a holidayCountry' });
    } else if (knownCountries().has(cal.holidayCountry) && !knownRegions(cal.holidayCountry).has(cal.holidayRegion)) {
      ctx.addIssue({ code: 'custom', path: ['holidayRegion'], message: `holidayRegion is not a region of ${cal.holidayCountry}` });
    }
  });

export interface CalendarOps {
  /** The validated calendar these operations follow. */
  readonly calendar: Readonly<WorkingCalendar>;
  /** Length of one working day (dayEnd − dayStart); the unit of `addWorkingDays`. */
  readonly workingDayMs: number;
  /** Whether the desk is open at `at`: a working day and `dayStart <= local time < dayEnd`. */
  isWorkingTime(at: Date): boolean;
  /** False for non-working weekdays, public holidays (type `public` only) and extraClosedDates. */
  isWorkingDay(localDate: string): boolean;
  /** `at` itself when the desk is open, else the start of the next working period. */
  nextWorkingStart(at: Date): Date;
  /**
   * The earliest instant by which `ms` of working time has elapsed since `from`; time outside
   * working hours does not count. A period that ends exactly at closing time ends there (17:30),
   * not at the next opening. `ms = 0` returns `from` unchanged.
   */
  addWorkingTime(from: Date, ms: number): Date;
  /** `addWorkingTime(from, days × workingDayMs)`: 1 day from Fri 17:29 is Mon 17:29 (or Tue). */
  addWorkingDays(from: Date, days: number): Date;
  addWorkingHours(from: Date, hours: number): Date;
  /** Working time in `[a, b)`, 0 when `b <= a`; the inverse of `addWorkingTime`. */
  workingMsBetween(a: Date, b: Date): number;
}

/** Opening and closing instants of one local day, or null when the desk is closed all day. */
type Period = { start: number; end: number } | null;

/** A calendar with no opening for this long is broken (every day closed); say so, don't spin. */
const maxClosedDays = 3 * 366;

// Tenants share a handful of calendars, and callers may well build one per request: identical
// calendars get the same operations, so their per-day memo is built only once.
const builtCalendars = new Map<string, CalendarOps>();
const maxBuiltCalendars = 256;

/**
 * The operations of a calendar; throws `validation_failed` on an invalid one. The result is shared
 * between identical calendars and memoises the local days it has seen, so a batch of deadlines
 * costs a map lookup per day rather than a time-zone conversion.
 */
export function createCalendar(input: WorkingCalendar): CalendarOps {
  const key = JSON.stringify(input);
  const built = builtCalendars.get(key);
  if (built) return built;
  const ops = buildCalendar(parseField(workingCalendarSchema, input, 'calendar'));
  if (builtCalendars.size >= maxBuiltCalendars) builtCalendars.delete(builtCalendars.keys().next().value as string);
  builtCalendars.set(key, ops);
  return ops;
}

function memo<V>(map: Map<number, V>, key: number, compute: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}

function buildCalendar(parsed: WorkingCalendar): CalendarOps {
  const cal = Object.freeze({ ...parsed });
  const zone = IANAZone.create(cal.timeZone);
  const [open, close] = [minutesOf(cal.dayStart), minutesOf(cal.dayEnd)];
  const workingDayMs = (close - open) * 60_000;
  const weekdays = new Set(cal.workingDays);
  const closed = new Set(cal.extraClosedDates ?? []);
  const periods = new Map<number, Period>();
  const midnights = new Map<number, number>();
  let offsetHint = 0;

  /** The instant local `epochDay` reaches `minutes` past midnight; luxon moves DST-gap times forward. */
  function instant(epochDay: number, minutes: number): number {
    const date = new Date(epochDay * DAY_MS);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    return DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone }).toMillis();
  }

  const midnight = (d: number) => memo(midnights, d, () => instant(d, 0));

  // Asking the zone for an offset goes through Intl and costs microseconds, so the local day is
  // guessed from the last offset seen and corrected against memoised midnights.
  function localDay(t: number): number {
    let d = Math.floor((t + offsetHint) / DAY_MS);
    while (t < midnight(d)) d--;
    while (t >= midnight(d + 1)) d++;
    offsetHint = d * DAY_MS - midnight(d);
    return d;
  }

  const period = (d: number): Period =>
    memo(periods, d, () => {
      const weekday = new Date(d * DAY_MS).getUTCDay() || 7;
      const iso = isoDateOf(d);
      if (!weekdays.has(weekday) || closed.has(iso)) return null;
      if (cal.holidayCountry && publicHolidays(cal.holidayCountry, cal.holidayRegion, Number(iso.slice(0, 4))).has(iso)) return null;
      const [start, end] = [instant(d, open), instant(d, close)];
      // Opening hours wholly inside a DST gap collapse to nothing: no working time that day.
      return end > start ? { start, end } : null;
    });

  /** The first period that still has working time at or after `t`, with where counting starts. */
  function nextOpen(t: number): { from: number; end: number } {
    let idle = 0;
    for (let d = localDay(t); ; d++) {
      const p = period(d);
      if (p && t < p.end) return { from: Math.max(t, p.start), end: p.end };
      if (!p && ++idle > maxClosedDays) {
        throw new RangeError(`The calendar has no working time for ${maxClosedDays} days after ${new Date(t).toISOString()}.`);
      }
    }
  }

  function checkAmount(value: number, what: string): void {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number >= 0, got ${value}.`);
  }

  function addWorkingTime(from: Date, ms: number): Date {
    checkAmount(ms, 'Working time');
    if (ms === 0) return new Date(from.getTime());
    for (let t = from.getTime(), left = ms; ; ) {
      const p = nextOpen(t);
      const available = p.end - p.from;
      if (left <= available) return new Date(p.from + left);
      left -= available;
      t = p.end;
    }
  }

  return {
    calendar: cal,
    workingDayMs,
    isWorkingTime(at) {
      const p = period(localDay(at.getTime()));
      return p !== null && at.getTime() >= p.start && at.getTime() < p.end;
    },
    isWorkingDay(date) {
      const epochDay = epochDayOf(date);
      if (epochDay === null) throw new RangeError(`Not a local date YYYY-MM-DD: ${date}`);
      return period(epochDay) !== null;
    },
    nextWorkingStart(at) {
      return new Date(nextOpen(at.getTime()).from);
    },
    addWorkingTime,
    addWorkingDays(from, days) {
      checkAmount(days, 'Working days');
      return addWorkingTime(from, days * workingDayMs);
    },
    addWorkingHours(from, hours) {
      checkAmount(hours, 'Working hours');
      return addWorkingTime(from, hours * 3_600_000);
    },
    workingMsBetween(a, b) {
      const [start, end] = [a.getTime(), b.getTime()];
      let total = 0;
      for (let d = localDay(start), last = localDay(end); d <= last; d++) {
        const p = period(d);
        if (p) total += Math.max(0, Math.min(end, p.end) - Math.max(start, p.start));
      }
      return total;
    },
  };
}
