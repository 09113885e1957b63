import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { addDays, localDateOf } from '../../shared/domain/time/zoned.ts';

let diana: Signed;
let otherAdmin: Signed;
const trends = (who: Signed, query = '') => api(`/api/analytics/trends${query}`, { token: who.token });

beforeAll(async () => {
  [diana, otherAdmin] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
  // Counters of a quarter long past, which nothing else touches: put, so a rerun finds the same.
  const kpi = database().entities.kpi;
  await Promise.all([
    kpi.put({ tenantId: 't-designpi', bucket: 'week#2020-01-06', created: 3 }).go(),
    kpi.put({ tenantId: 't-designpi', bucket: 'week#2020-01-20', created: 5 }).go(),
    kpi.put({ tenantId: 't-designpi', bucket: 'week#2020-02-03', created: 9 }).go(),
    kpi.put({ tenantId: 't-designpi', bucket: 'booking-day#2020-01-08', bookings: 2, bookingsCancelled: 1 }).go(),
    kpi.put({ tenantId: 't-designpi', bucket: 'booking-day#2020-01-22', bookings: 4 }).go(),
  ]);
});

describe('the dashboard trends', () => {
  it('give requests per week and appointments per day over the period, with the empty ones as zero', async () => {
    // From a Wednesday: its week counts from the Monday.
    const { status, body } = await trends(diana, '?from=2020-01-08&to=2020-01-27');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2020-01-08', to: '2020-01-27' });
    expect(body.weeks).toEqual([
      { week: '2020-01-06', created: 3 },
      { week: '2020-01-13', created: 0 },
      { week: '2020-01-20', created: 5 },
      { week: '2020-01-27', created: 0 },
    ]);
    expect(body.days).toHaveLength(20);
    expect(body.days[0]).toEqual({ date: '2020-01-08', bookings: 2, cancelled: 1 });
    expect(body.days.find((d: { date: string }) => d.date === '2020-01-22')).toEqual({ date: '2020-01-22', bookings: 4, cancelled: 0 });
    expect(body.days.filter((d: { bookings: number }) => d.bookings > 0)).toHaveLength(2);
  });

  it('cover the twelve weeks to today by default, in the firm’s zone', async () => {
    const { body } = await trends(diana);
    const today = localDateOf('America/New_York', Date.now());
    expect(body.to).toBe(today);
    expect(body.weeks).toHaveLength(12);
    expect(body.from).toBe(body.weeks[0].week);
    expect(body.days.at(-1).date).toBe(today);
    expect(addDays(body.weeks.at(-1).week, 6) >= today).toBe(true);
  });

  it('are each firm’s own', async () => {
    const { body } = await trends(otherAdmin, '?from=2020-01-06&to=2020-01-26');
    expect(body.weeks.map((w: { created: number }) => w.created)).toEqual([0, 0, 0]);
    expect(body.days.every((d: { bookings: number }) => d.bookings === 0)).toBe(true);
  });

  it('refuse a period that runs backwards, lasts over a year or names no date', async () => {
    const problems = async (query: string) => {
      const { status, body } = await trends(diana, query);
      expect(status).toBe(400);
      return body.error.details;
    };
    expect(await problems('?from=2020-02-01&to=2020-01-01')).toMatchObject([{ field: 'query.from', message: 'must not be after to' }]);
    expect(await problems('?from=2019-01-01&to=2020-01-02')).toMatchObject([{ field: 'query.from', message: 'must be at most 366 days before to' }]);
    expect(await problems('?from=2020-02-30')).toMatchObject([{ field: 'query.from' }]);
  });
});
