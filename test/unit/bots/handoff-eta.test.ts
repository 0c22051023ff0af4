/** When the customer is told a person will answer: soon in working hours, when the team is back otherwise. */
import { createCalendar, defaultCalendar } from '../../../db/domain/calendar';
import { formatTime, personExpectedAt } from '../../../bots/intake-service';

const rome = createCalendar({ ...defaultCalendar, timeZone: 'Europe/Rome', holidayCountry: 'IT' });
const tenant = { settings: {}, calendar: { timeZone: 'Europe/Rome' } };
const at = (iso: string) => new Date(iso);

describe('the time a person will answer, told at handoff', () => {
  it('during working hours is the pick-up time later (60 working minutes unless the tenant sets another)', () => {
    expect(personExpectedAt(rome, tenant, at('2026-11-18T10:00:00+01:00'))).toEqual(at('2026-11-18T11:00:00+01:00'));
    expect(personExpectedAt(rome, { settings: { pickUpMinutes: 15 } }, at('2026-11-18T10:00:00+01:00'))).toEqual(at('2026-11-18T10:15:00+01:00'));
    // Twenty minutes before closing, the rest of the hour runs into the next morning.
    expect(personExpectedAt(rome, tenant, at('2026-11-18T17:10:00+01:00'))).toEqual(at('2026-11-19T08:40:00+01:00'));
  });

  it('outside working hours is when the team is back: Saturday → Monday 08:00, Christmas Eve night → 28 December', () => {
    expect(personExpectedAt(rome, tenant, at('2026-11-21T11:00:00+01:00'))).toEqual(at('2026-11-23T08:00:00+01:00'));
    // 25 and 26 December are Italian public holidays, the 27th a Sunday.
    expect(personExpectedAt(rome, tenant, at('2026-12-24T22:00:00+01:00'))).toEqual(at('2026-12-28T08:00:00+01:00'));
  });

  it('is told in the customer language and the tenant time zone', () => {
    const monday = at('2026-11-23T07:00:00Z');
    expect(formatTime(tenant, monday, 'en')).toBe('Mon 23 Nov, 08:00');
    expect(formatTime(tenant, monday, 'it')).toMatch(/^lun 23 nov, 08:00$/);
  });
});
