/**
 * What the booking wizard knows, changed only through `wizard` (one reducer), so each step is a
 * component that reads the state and dispatches what the person did.
 */
import type { Dispatch, ReactNode } from 'react';
import type { ResponseOf } from '../../../../../shared/api/routes.ts';
import { NO_REPEAT, type Plan, type Repeat, type Series } from '../SeriesRepeat.tsx';
import type { Slot } from '../SlotPicker.tsx';

export type Service = ResponseOf<'getBookingPage'>['services'][number];
export type Quote = ResponseOf<'quoteBooking'>;
export type Booked = ResponseOf<'createBooking'>;
export type Details = { name: string; email: string; phone: string; notes: string; bookingType: string; clientId: string };

/** A time that could not be booked: why, other free times, and whether staff may book it anyway. */
export interface Conflict {
  message: string;
  suggestions: Slot[];
  canProceed: boolean;
  skipped?: Series['skipped'];
}

export interface WizardState {
  service?: Service;
  /** The zone times are shown in: the visitor's, or one they chose. */
  zone: string;
  slot?: { slot: Slot; staffId: string | undefined };
  details: Details;
  repeat: Repeat;
  /** The dates of a repeat, planned before the review. */
  plan?: Plan;
  promo: string;
  quote?: Quote;
  /** Field errors by field name, shown under their fields. */
  errors: Record<string, string>;
  failure: unknown;
  conflict?: Conflict;
  /** Bumped to make the time picker load again (after a time was taken meanwhile). */
  slotsVersion: number;
  busy: boolean;
  booked?: Booked;
  series?: Series;
}

export type WizardAction =
  | { type: 'serviceChosen'; service: Service }
  | { type: 'zoneChosen'; zone: string }
  | { type: 'slotChosen'; slot: Slot; staffId: string | undefined }
  | { type: 'detailChanged'; key: keyof Details; value: string }
  | { type: 'repeatChanged'; repeat: Repeat }
  | { type: 'promoChanged'; promo: string }
  | { type: 'invalid'; errors: Record<string, string> }
  | { type: 'failed'; failure: unknown }
  | { type: 'planned'; plan: Plan | undefined }
  | { type: 'quoted'; quote: Quote }
  | { type: 'confirming' }
  | { type: 'conflicted'; conflict: Conflict; slotTaken: boolean }
  | { type: 'confirmFailed' }
  | { type: 'booked'; booked: Booked }
  | { type: 'seriesBooked'; series: Series }
  | { type: 'suggestionChosen'; slot: Slot }
  | { type: 'startOver' };

export const initialWizard = (zone: string): WizardState => ({
  zone,
  details: { name: '', email: '', phone: '', notes: '', bookingType: '', clientId: '' },
  repeat: NO_REPEAT,
  promo: '',
  errors: {},
  failure: null,
  slotsVersion: 0,
  busy: false,
});

export function wizard(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'serviceChosen': {
      const { service } = action;
      // Another service's time does not fit this one; a way of meeting it offers is kept.
      const kept = state.details.bookingType && service.bookingTypes.includes(state.details.bookingType as 'video');
      return {
        ...state,
        service,
        slot: state.service?.serviceId === service.serviceId ? state.slot : undefined,
        details: { ...state.details, bookingType: kept ? state.details.bookingType : service.bookingTypes[0]! },
      };
    }
    case 'zoneChosen':
      return { ...state, zone: action.zone };
    case 'slotChosen':
      return { ...state, slot: { slot: action.slot, staffId: action.staffId }, plan: undefined };
    case 'detailChanged':
      return { ...state, details: { ...state.details, [action.key]: action.value } };
    case 'repeatChanged':
      return { ...state, repeat: action.repeat };
    case 'promoChanged':
      return { ...state, promo: action.promo };
    case 'invalid':
      return { ...state, errors: action.errors };
    case 'failed':
      return { ...state, failure: action.failure };
    case 'planned':
      return { ...state, plan: action.plan };
    case 'quoted':
      return { ...state, quote: action.quote };
    case 'confirming':
      return { ...state, busy: true, conflict: undefined, failure: null };
    case 'conflicted':
      return { ...state, busy: false, conflict: action.conflict, slotsVersion: state.slotsVersion + (action.slotTaken ? 1 : 0) };
    case 'confirmFailed':
      return { ...state, busy: false };
    case 'booked':
      return { ...state, busy: false, booked: action.booked };
    case 'seriesBooked':
      return { ...state, busy: false, series: action.series };
    case 'suggestionChosen':
      return { ...state, slot: { slot: action.slot, staffId: undefined }, conflict: undefined, quote: undefined };
    case 'startOver':
      return { ...state, slot: undefined, booked: undefined, series: undefined, plan: undefined, repeat: NO_REPEAT, quote: undefined };
  }
}

/** The step a person may be on: one that needs an earlier step's answer sends them back to it. */
export function reachableStep(step: number, state: WizardState): number {
  if ((step >= 1 && !state.service) || (step >= 2 && !state.slot) || (step === 4 && !state.booked && !state.series)) return 0;
  // A repeat is planned from the chosen time on the details step: a review without its plan goes back there.
  if (step === 3 && state.repeat.frequency && !state.plan) return 2;
  return step;
}

/** What every step is given: the state, how to change it, its heading (which takes focus) and a way back. */
export interface StepProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  heading: (text: string) => ReactNode;
  back: (to: number) => ReactNode;
}
