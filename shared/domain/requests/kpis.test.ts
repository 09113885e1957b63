import { describe, expect, it } from 'vitest';
import { completionRate, kpiChanges, periodsOf, recount, valueOf, type KpiState } from './kpis.ts';

const state = (over: Partial<KpiState> = {}): KpiState => ({
  status: 'submitted',
  priority: 'high',
  serviceId: 'svc-tax',
  serviceName: 'Tax',
  value: 35000,
  ...over,
});
const at = new Date('2026-11-18T15:00:00Z'); // a Wednesday
const changes = (before: KpiState | undefined, after: KpiState | undefined, when = at) =>
  Object.fromEntries(kpiChanges(before, after, when, 'America/New_York').map((c) => [c.bucket, c.add]));

describe('request KPI counter changes', () => {
  it('counts a submitted request as open work, in the pipeline, by priority and service, and new this week', () => {
    expect(changes(undefined, state())).toEqual({
      totals: { status_submitted: 1, open: 1, pipeline: 35000, priority_high: 1 },
      'service#svc-tax': { open: 1, pipeline: 35000 },
      'week#2026-11-16': { created: 1 },
    });
  });

  it('keeps a draft out of open work and new requests until it is submitted', () => {
    expect(changes(undefined, state({ status: 'draft' }))).toEqual({ totals: { status_draft: 1 } });
    expect(changes(state({ status: 'draft' }), state())['week#2026-11-16']).toEqual({ created: 1 });
  });

  it('counts a booking, which starts assigned, as new this week like any request sent', () => {
    expect(changes(undefined, state({ status: 'assigned' }))['week#2026-11-16']).toEqual({ created: 1 });
    expect(changes(undefined, state({ status: 'in_progress' }))['week#2026-11-16']).toEqual({ created: 1 });
  });

  it('moves only the status counts while the work stays open', () => {
    expect(changes(state({ status: 'in_review' }), state({ status: 'approved' }))).toEqual({ totals: { status_in_review: -1, status_approved: 1 } });
  });

  it('takes completed work out of the pipeline and counts it in its month', () => {
    expect(changes(state({ status: 'in_progress' }), state({ status: 'completed' }))).toEqual({
      totals: { status_in_progress: -1, status_completed: 1, open: -1, pipeline: -35000, priority_high: -1 },
      'service#svc-tax': { open: -1, pipeline: -35000 },
      'month#2026-11': { completed: 1 },
    });
  });

  it('reopens work when the client asks for changes, without counting it new again', () => {
    const reopened = changes(state({ status: 'completed' }), state({ status: 'in_progress' }));
    expect(reopened.totals).toEqual({ status_completed: -1, status_in_progress: 1, open: 1, pipeline: 35000, priority_high: 1 });
    expect(Object.keys(reopened).filter((k) => k.startsWith('week#') || k.startsWith('month#'))).toEqual([]);
  });

  it('counts a cancellation in its month', () => {
    expect(changes(state({ status: 'assigned' }), state({ status: 'cancelled' }))['month#2026-11']).toEqual({ cancelled: 1 });
  });

  it('moves open work between priorities, services and values when they change', () => {
    expect(changes(state(), state({ priority: 'low', serviceId: 'svc-books', serviceName: 'Books', value: 50000 }))).toEqual({
      totals: { pipeline: 15000, priority_high: -1, priority_low: 1 },
      'service#svc-tax': { open: -1, pipeline: -35000 },
      'service#svc-books': { open: 1, pipeline: 50000 },
    });
  });

  it('takes a deleted request out of everything', () => {
    expect(changes(state({ status: 'in_progress' }), undefined)).toEqual({
      totals: { status_in_progress: -1, open: -1, pipeline: -35000, priority_high: -1 },
      'service#svc-tax': { open: -1, pipeline: -35000 },
    });
  });

  it('changes nothing when nothing it counts changed (an assignment, a comment)', () => {
    expect(changes(state({ status: 'assigned' }), state({ status: 'assigned' }))).toEqual({});
  });

  it('values work by the budget’s top, else its bottom, else the service’s price', () => {
    expect(valueOf({ budgetMin: 100, budgetMax: 200, listPrice: 300 })).toBe(200);
    expect(valueOf({ budgetMin: 100, listPrice: 300 })).toBe(100);
    expect(valueOf({ listPrice: 300 })).toBe(300);
    expect(valueOf({})).toBe(0);
  });
});

describe('periods in the firm’s zone', () => {
  it.each([
    // Sunday evening in New York is already Monday in UTC: still last week there.
    ['2026-11-23T03:00:00Z', 'America/New_York', { week: '2026-11-16', lastWeek: '2026-11-09', month: '2026-11' }],
    ['2026-11-23T03:00:00Z', 'UTC', { week: '2026-11-23', lastWeek: '2026-11-16', month: '2026-11' }],
    // New Year's Eve night in Kathmandu (+05:45) is in the new month, and the week began in December.
    ['2026-12-31T18:30:00Z', 'Asia/Kathmandu', { week: '2026-12-28', lastWeek: '2026-12-21', month: '2027-01' }],
    // The Sunday the clocks go back in New York is still that week.
    ['2026-11-01T12:00:00Z', 'America/New_York', { week: '2026-10-26', lastWeek: '2026-10-19', month: '2026-11' }],
  ])('%s in %s', (instant, zone, expected) => {
    expect(periodsOf(new Date(instant), zone)).toEqual(expected);
  });
});

describe('completion rate', () => {
  it('is completed work as a share of closed work, and nothing when nothing closed', () => {
    expect(completionRate(3, 1)).toBe(75);
    expect(completionRate(2, 0)).toBe(100);
    expect(completionRate(0, 0)).toBeUndefined();
  });
});

describe('counting from scratch', () => {
  it('gives the standing counts exactly and the periods from the records’ dates', () => {
    const counted = Object.fromEntries(
      recount(
        [
          { ...state({ status: 'in_progress' }), createdAt: '2026-11-17T10:00:00Z', updatedAt: '2026-11-18T10:00:00Z' },
          {
            ...state({ status: 'completed', serviceId: 'svc-b', serviceName: 'B' }),
            createdAt: '2026-10-01T10:00:00Z',
            updatedAt: '2026-11-02T10:00:00Z',
            completedAt: '2026-11-02T10:00:00Z',
          },
          { ...state({ status: 'cancelled' }), createdAt: '2026-11-16T10:00:00Z', updatedAt: '2026-11-19T10:00:00Z' },
          { ...state({ status: 'draft' }), createdAt: '2026-11-18T10:00:00Z', updatedAt: '2026-11-18T10:00:00Z' },
        ],
        'America/New_York',
      ).map((c) => [c.bucket, c.add]),
    );
    expect(counted).toEqual({
      totals: { status_in_progress: 1, status_completed: 1, status_cancelled: 1, status_draft: 1, open: 1, pipeline: 35000, priority_high: 1 },
      'service#svc-tax': { open: 1, pipeline: 35000 },
      'week#2026-11-16': { created: 2 },
      'week#2026-09-28': { created: 1 },
      'month#2026-11': { completed: 1, cancelled: 1 },
    });
  });
});
