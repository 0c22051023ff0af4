import { createCalendar, defaultCalendar, workingCalendarSchema, type WorkingCalendar } from '../../../db/domain/calendar';
import { AppError } from '../../../db/domain/errors';

// Instants are written with their local offset, so each expectation can be checked by hand.
const at = (iso: string) => new Date(iso);
const hour = 3_600_000;
const rome = createCalendar(defaultCalendar);
const desk = (over: Partial<WorkingCalendar>) => createCalendar({ ...defaultCalendar, ...over });

describe('working calendar: weekends and opening hours', () => {
  it('when a complaint arrives at 17:29 on an ordinary Friday in Rome, 1 working day later is 17:29 on Monday', () => {
    expect(rome.addWorkingDays(at('2026-10-16T17:29:00+02:00'), 1)).toEqual(at('2026-10-19T17:29:00+02:00'));
  });

  it('when a working day is counted, it is dayEnd − dayStart long (9.5 hours for 08:00–17:30)', () => {
    expect(rome.workingDayMs).toBe(9.5 * hour);
    expect(rome.addWorkingDays(at('2026-10-14T08:00:00+02:00'), 1)).toEqual(at('2026-10-14T17:30:00+02:00'));
  });

  it('when an evaluation of 3 working days starts on a Thursday, the weekend does not count and it is due on Tuesday', () => {
    expect(rome.addWorkingDays(at('2026-10-15T10:00:00+02:00'), 3)).toEqual(at('2026-10-20T10:00:00+02:00'));
  });

  it.each([
    ['at 02:00 on a Wednesday night', '2026-10-14T02:00:00+02:00', '2026-10-14T08:00:00+02:00', '2026-10-14T17:30:00+02:00'],
    ['at 19:00 on a Wednesday evening', '2026-10-14T19:00:00+02:00', '2026-10-15T08:00:00+02:00', '2026-10-15T17:30:00+02:00'],
    ['at 15:00 on a Sunday', '2026-10-18T15:00:00+02:00', '2026-10-19T08:00:00+02:00', '2026-10-19T17:30:00+02:00'],
    ['exactly at closing time on a Friday', '2026-10-16T17:30:00+02:00', '2026-10-19T08:00:00+02:00', '2026-10-19T17:30:00+02:00'],
  ])('when a complaint arrives %s, counting starts when the team is back', (_when, received, back, due) => {
    expect(rome.isWorkingTime(at(received))).toBe(false);
    expect(rome.nextWorkingStart(at(received))).toEqual(at(back));
    expect(rome.addWorkingDays(at(received), 1)).toEqual(at(due));
  });

  it('when the desk is open, the next working start is the instant itself and opening time counts as open', () => {
    expect(rome.nextWorkingStart(at('2026-10-14T11:11:00+02:00'))).toEqual(at('2026-10-14T11:11:00+02:00'));
    expect(rome.isWorkingTime(at('2026-10-14T08:00:00+02:00'))).toBe(true);
    expect(rome.isWorkingTime(at('2026-10-14T07:59:59+02:00'))).toBe(false);
  });

  it('when working hours are added, only opening hours count', () => {
    expect(rome.addWorkingHours(at('2026-10-16T16:00:00+02:00'), 2)).toEqual(at('2026-10-19T08:30:00+02:00'));
  });

  it('when nothing is added, the instant stays as it is; when a negative amount is asked for, it refuses', () => {
    expect(rome.addWorkingTime(at('2026-10-18T15:00:00+02:00'), 0)).toEqual(at('2026-10-18T15:00:00+02:00'));
    expect(() => rome.addWorkingDays(at('2026-10-18T15:00:00+02:00'), -1)).toThrow(RangeError);
    expect(() => rome.addWorkingTime(at('2026-10-18T15:00:00+02:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('working calendar: public holidays and closed dates', () => {
  it('when a complaint arrives at 17:29 on the Friday before Easter Monday in Italy, it is due 17:29 on Tuesday', () => {
    expect(rome.isWorkingDay('2026-04-06')).toBe(false);
    expect(rome.addWorkingDays(at('2026-04-03T17:29:00+02:00'), 1)).toEqual(at('2026-04-07T17:29:00+02:00'));
  });

  it('when a complaint arrives at 17:29 on the Friday before St Andrew and National Day in Romania, it is due on Wednesday', () => {
    const bucharest = createCalendar({ ...defaultCalendar, timeZone: 'Europe/Bucharest', holidayCountry: 'RO' });
    expect(bucharest.isWorkingDay('2026-11-30')).toBe(false);
    expect(bucharest.isWorkingDay('2026-12-01')).toBe(false);
    expect(bucharest.addWorkingDays(at('2026-11-27T17:29:00+02:00'), 1)).toEqual(at('2026-12-02T17:29:00+02:00'));
  });

  it('when Immacolata falls on a Tuesday, a complaint of Monday morning is due Wednesday morning', () => {
    expect(rome.isWorkingDay('2026-12-08')).toBe(false);
    expect(rome.addWorkingDays(at('2026-12-07T10:00:00+01:00'), 1)).toEqual(at('2026-12-09T10:00:00+01:00'));
  });

  it('when a Monday–Saturday desk meets Christmas and St Stephen, both are closed and Christmas Eve is due on Monday', () => {
    const sixDays = desk({ workingDays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.isWorkingDay('2026-12-24')).toBe(true);
    expect(sixDays.isWorkingDay('2026-12-25')).toBe(false);
    expect(sixDays.isWorkingDay('2026-12-26')).toBe(false);
    expect(sixDays.addWorkingDays(at('2026-12-24T15:00:00+01:00'), 1)).toEqual(at('2026-12-28T15:00:00+01:00'));
  });

  it('when a holiday is only a bank holiday (Corpus Christi in Brazil), the desk still works', () => {
    const saoPaulo = createCalendar({ ...defaultCalendar, timeZone: 'America/Sao_Paulo', holidayCountry: 'BR' });
    expect(saoPaulo.isWorkingDay('2026-06-04')).toBe(true); // Corpus Christi is a bank holiday in Brazil
    expect(saoPaulo.isWorkingDay('2026-04-21')).toBe(false); // Tiradentes is public
  });

  it('when a holiday lasts several days (Russian New Year, Romanian 1–2 January), every day of it is closed', () => {
    const moscow = createCalendar({ ...defaultCalendar, timeZone: 'Europe/Moscow', holidayCountry: 'RU' });
    const bucharest = createCalendar({ ...defaultCalendar, timeZone: 'Europe/Bucharest', holidayCountry: 'RO' });
    expect(moscow.isWorkingDay('2026-01-05')).toBe(false);
    expect(moscow.isWorkingDay('2026-01-06')).toBe(false);
    expect(bucharest.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('when an Islamic holiday begins at sunset the evening before, only its civil date is closed in Iran', () => {
    const tehran = createCalendar({ ...defaultCalendar, timeZone: 'Asia/Tehran', holidayCountry: 'IR', workingDays: [6, 7, 1, 2, 3] });
    expect(tehran.isWorkingDay('2026-03-09')).toBe(true);
    expect(tehran.isWorkingDay('2026-03-10')).toBe(false);
  });

  it('when a region is set, its own holidays close the desk too (São Paulo, 9 July)', () => {
    const brazil = createCalendar({ ...defaultCalendar, timeZone: 'America/Sao_Paulo', holidayCountry: 'BR' });
    const saoPaulo = createCalendar({ ...defaultCalendar, timeZone: 'America/Sao_Paulo', holidayCountry: 'BR', holidayRegion: 'sp' });
    expect(brazil.isWorkingDay('2026-07-09')).toBe(true);
    expect(saoPaulo.isWorkingDay('2026-07-09')).toBe(false);
  });

  it('when the desk closes for the bridge before Immacolata, a Friday complaint waits until Wednesday', () => {
    const bridge = desk({ extraClosedDates: ['2026-12-07'] });
    expect(bridge.isWorkingDay('2026-12-07')).toBe(false);
    expect(bridge.addWorkingDays(at('2026-12-04T10:00:00+01:00'), 1)).toEqual(at('2026-12-09T10:00:00+01:00'));
  });

  it('when no holiday country is set, only weekdays matter', () => {
    const noHolidays = desk({ holidayCountry: undefined });
    expect(noHolidays.isWorkingDay('2026-12-08')).toBe(true);
    expect(noHolidays.isWorkingDay('2026-12-12')).toBe(false);
  });

  it('when a local date is malformed or does not exist, isWorkingDay refuses it', () => {
    expect(() => rome.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => rome.isWorkingDay('8/12/2026')).toThrow(RangeError);
  });
});

describe('working calendar: time zones and daylight saving', () => {
  // Thursday 15 October 2026, 20:00 UTC: evening in Rome and Moscow, afternoon in São Paulo, the weekend in Tehran.
  const instant = at('2026-10-15T20:00:00Z');
  it.each([
    ['Rome, closed at 22:00: Friday closing time', { timeZone: 'Europe/Rome', holidayCountry: 'IT' }, '2026-10-16T17:30:00+02:00'],
    ['Moscow, closed at 23:00: Friday closing time', { timeZone: 'Europe/Moscow', holidayCountry: 'RU' }, '2026-10-16T17:30:00+03:00'],
    ['São Paulo, open at 17:00: Friday 17:00', { timeZone: 'America/Sao_Paulo', holidayCountry: 'BR' }, '2026-10-16T17:00:00-03:00'],
    [
      'Tehran, Thursday is weekend: Saturday closing time',
      { timeZone: 'Asia/Tehran', holidayCountry: 'IR', workingDays: [6, 7, 1, 2, 3] },
      '2026-10-17T17:30:00+03:30',
    ],
  ])('when the same instant reaches a desk in %s', (_where, over, due) => {
    expect(desk(over).addWorkingDays(instant, 1)).toEqual(at(due));
  });

  it('when the clocks go forward on the last Sunday of March, Friday noon in Rome is due Monday noon, one hour less later', () => {
    const due = rome.addWorkingDays(at('2026-03-27T12:00:00+01:00'), 1);
    expect(due).toEqual(at('2026-03-30T12:00:00+02:00'));
    expect(due.getTime() - at('2026-03-27T12:00:00+01:00').getTime()).toBe(71 * hour);
  });

  it('when the clocks go back on the last Sunday of October, Friday noon in Rome is due Monday noon, one hour more later', () => {
    expect(rome.addWorkingDays(at('2026-10-23T12:00:00+02:00'), 1)).toEqual(at('2026-10-26T12:00:00+01:00'));
  });

  it('when a Sunday night shift spans a DST change, it has 3 hours in March and 5 in October', () => {
    const night = desk({ workingDays: [7], dayStart: '01:00', dayEnd: '05:00', holidayCountry: undefined });
    expect(night.workingMsBetween(at('2026-03-28T12:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(3 * hour);
    expect(night.workingMsBetween(at('2026-10-24T12:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(5 * hour);
    expect(night.addWorkingHours(at('2026-03-29T01:00:00+01:00'), 2)).toEqual(at('2026-03-29T04:00:00+02:00'));
  });
});

describe('working calendar: elapsed working time', () => {
  // A fixed pseudo-random sequence: varied instants across a year without a clock or Math.random.
  function* instants(count: number): Generator<[Date, number]> {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < count; i++) {
      yield [new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * 24 * 60) * 60_000), Math.floor(next() * 40 * hour)];
    }
  }

  it('when working time is added and then measured, the measure gives back exactly what was added', () => {
    for (const [from, ms] of instants(500)) {
      expect(rome.workingMsBetween(from, rome.addWorkingTime(from, ms))).toBe(ms);
    }
  });

  it('when the working time between two instants is added to the first, it lands on the second if the desk is open then', () => {
    const a = at('2026-01-02T10:00:00+01:00');
    const open = [...instants(300)].map(([b]) => b).filter((b) => b > a && rome.isWorkingTime(b));
    expect(open.length).toBeGreaterThan(50);
    for (const b of open) expect(rome.addWorkingTime(a, rome.workingMsBetween(a, b))).toEqual(b);
  });

  it('when the span runs over a weekend and a holiday, only open hours are counted; backwards spans are 0', () => {
    expect(rome.workingMsBetween(at('2026-12-04T16:30:00+01:00'), at('2026-12-09T09:00:00+01:00'))).toBe(1 * hour + 9.5 * hour + 1 * hour);
    expect(rome.workingMsBetween(at('2026-12-09T09:00:00+01:00'), at('2026-12-04T16:30:00+01:00'))).toBe(0);
  });
});

describe('working calendar: validation', () => {
  it('when only a time zone is given, the rest takes seed 002’s defaults', () => {
    expect(workingCalendarSchema.parse({ timeZone: 'Asia/Tehran' })).toEqual({
      timeZone: 'Asia/Tehran', workingDays: [1, 2, 3, 4, 5], dayStart: '08:00', dayEnd: '17:30',
    });
  });

  it('when the same calendar is built twice, the operations are shared and their calendar cannot be changed', () => {
    const again = createCalendar({ ...defaultCalendar });
    expect(again).toBe(rome);
    expect(Object.isFrozen(again.calendar)).toBe(true);
  });

  it('when codes are typed in lower case, they are accepted and upper-cased', () => {
    expect(workingCalendarSchema.parse({ ...defaultCalendar, holidayCountry: 'br', holidayRegion: 'sp' })).toMatchObject({
      holidayCountry: 'BR', holidayRegion: 'SP',
    });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone must be an IANA time zone'],
    ['no working days', { workingDays: [] }, 'at least one weekday'],
    ['a weekday twice', { workingDays: [1, 1, 2] }, 'must not repeat'],
    ['weekday 8', { workingDays: [1, 8] }, 'ISO weekdays 1–7'],
    ['a time without two digits', { dayStart: '8:00' }, 'dayStart must be HH:MM'],
    ['closing before opening', { dayStart: '17:30', dayEnd: '08:00' }, 'dayEnd must be later than dayStart'],
    ['closing at opening', { dayStart: '08:00', dayEnd: '08:00' }, 'dayEnd must be later than dayStart'],
    ['an unknown country', { holidayCountry: 'ZZ' }, 'holidayCountry must be a country code'],
    ['a region without a country', { holidayCountry: undefined, holidayRegion: 'SP' }, 'holidayRegion needs a holidayCountry'],
    ['a region of another country', { holidayRegion: 'SP' }, 'holidayRegion is not a region of IT'],
    ['a closed date that does not exist', { extraClosedDates: ['2026-02-30'] }, 'real date written YYYY-MM-DD'],
  ])('when a calendar has %s, it is refused with validation_failed and a message saying why', (_what, over, message) => {
    const input = { ...defaultCalendar, ...over };
    expect(workingCalendarSchema.safeParse(input).success).toBe(false);
    try {
      createCalendar(input);
      throw new Error('expected createCalendar to refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation_failed' });
      expect((error as AppError).message).toContain(message);
    }
  });
});
