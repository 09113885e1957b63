import { describe, expect, it } from 'vitest';
import { initialWizard, reachableStep, wizard, type Service, type WizardState } from './state.ts';

const service = (serviceId: string, bookingTypes: Service['bookingTypes']): Service => ({
  serviceId,
  name: serviceId,
  description: '',
  category: '',
  basePrice: 10000,
  currency: 'USD',
  durationMinutes: 60,
  bookingTypes,
});
const slot = { start: '2027-01-04T15:00:00.000Z', end: '2027-01-04T16:00:00.000Z', staff: [] } as never;
const start = initialWizard('Europe/London');

describe('the booking wizard state', () => {
  it('keeps the chosen time when the same service is chosen again, and drops it for another service', () => {
    const timed = wizard(wizard(start, { type: 'serviceChosen', service: service('tax', ['video', 'phone']) }), { type: 'slotChosen', slot, staffId: 'u-1' });
    expect(wizard(timed, { type: 'serviceChosen', service: service('tax', ['video', 'phone']) }).slot).toEqual({ slot, staffId: 'u-1' });
    expect(wizard(timed, { type: 'serviceChosen', service: service('payroll', ['video']) }).slot).toBeUndefined();
  });

  it("keeps the way of meeting when the new service offers it, else takes the service's first", () => {
    const onPhone = wizard(wizard(start, { type: 'serviceChosen', service: service('tax', ['video', 'phone']) }), {
      type: 'detailChanged',
      key: 'bookingType',
      value: 'phone',
    });
    expect(wizard(onPhone, { type: 'serviceChosen', service: service('audit', ['in-person', 'phone']) }).details.bookingType).toBe('phone');
    expect(wizard(onPhone, { type: 'serviceChosen', service: service('payroll', ['video']) }).details.bookingType).toBe('video');
  });

  it('forgets a planned repeat when another time is chosen', () => {
    const planned = wizard(start, { type: 'planned', plan: { starts: [] } as never });
    expect(wizard(planned, { type: 'slotChosen', slot, staffId: undefined }).plan).toBeUndefined();
  });

  it('loads the times again only when a time was taken meanwhile', () => {
    const busy = wizard(start, { type: 'confirming' });
    expect(busy).toMatchObject({ busy: true, failure: null, conflict: undefined });
    const conflict = { message: 'Taken', suggestions: [], canProceed: false };
    expect(wizard(busy, { type: 'conflicted', conflict, slotTaken: true })).toMatchObject({ busy: false, conflict, slotsVersion: 1 });
    expect(wizard(busy, { type: 'conflicted', conflict, slotTaken: false })).toMatchObject({ busy: false, slotsVersion: 0 });
  });

  it('starts over without the booking, its time, its repeat or its price, keeping who and how', () => {
    const done: WizardState = {
      ...wizard(start, { type: 'detailChanged', key: 'name', value: 'Ada' }),
      slot: { slot, staffId: undefined },
      booked: {} as never,
      quote: {} as never,
      repeat: { ...start.repeat, frequency: 'weekly' },
    };
    const again = wizard(done, { type: 'startOver' });
    expect(again).toMatchObject({ slot: undefined, booked: undefined, quote: undefined, repeat: start.repeat });
    expect(again.details.name).toBe('Ada');
  });

  it.each([
    ['nothing chosen', 3, 0, {}],
    ['a service but no time', 2, 0, { service: service('tax', ['video']) }],
    ['a service and a time', 3, 3, { service: service('tax', ['video']), slot: { slot, staffId: undefined } }],
    [
      'a repeat not yet planned',
      3,
      2,
      { service: service('tax', ['video']), slot: { slot, staffId: undefined }, repeat: { ...start.repeat, frequency: 'weekly' } },
    ],
    ['the last step before booking', 4, 0, { service: service('tax', ['video']), slot: { slot, staffId: undefined } }],
  ] as const)('with %s, step %i sends the person to step %i', (_, step, expected, state) => {
    expect(reachableStep(step, { ...start, ...state } as WizardState)).toBe(expected);
  });
});
