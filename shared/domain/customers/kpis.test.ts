import { describe, expect, it } from 'vitest';
import { customerKpis, type CustomerRecord } from './kpis.ts';

const NOW = Date.parse('2026-05-15T12:00:00Z'); // Q2 in New York
const ZONE = 'America/New_York';
const booking = (scheduledAt: string, over: Partial<CustomerRecord> = {}): CustomerRecord => ({ status: 'assigned', isBooking: true, scheduledAt, ...over });

describe("a customer's figures", () => {
  it('are all zero, and no rate, for a customer with no records', () => {
    expect(customerKpis([], NOW, ZONE)).toEqual({ openRequests: 0, revenue: 0, bookingsThisQuarter: 0, noShowRate: null });
  });

  it('count open requests, not drafts, closed ones or bookings', () => {
    const records: CustomerRecord[] = [
      { status: 'submitted' },
      { status: 'in_progress' },
      { status: 'draft' },
      { status: 'completed' },
      { status: 'cancelled' },
      booking('2026-05-20T14:00:00Z'),
    ];
    expect(customerKpis(records, NOW, ZONE).openRequests).toBe(2);
  });

  it("take revenue from completed work: a booking's price, else the budget's top, else the list price; never a no-show", () => {
    const records: CustomerRecord[] = [
      { status: 'completed', budgetMin: 10_000, budgetMax: 20_000, listPrice: 5_000 },
      { status: 'completed', listPrice: 5_000 },
      booking('2026-05-01T14:00:00Z', { status: 'completed', price: { total: 15_000 }, listPrice: 9_999 }),
      booking('2026-05-02T14:00:00Z', { status: 'completed', noShow: true, price: { total: 15_000 } }),
      { status: 'in_progress', listPrice: 50_000 },
    ];
    expect(customerKpis(records, NOW, ZONE).revenue).toBe(40_000);
  });

  it("count this quarter's bookings in the firm's zone, not cancelled ones", () => {
    const records = [
      booking('2026-04-01T04:30:00Z'), // 1 April, 00:30 in New York: Q2
      booking('2026-04-01T03:30:00Z'), // 31 March in New York: Q1
      booking('2026-06-30T23:00:00Z'), // 30 June in New York: Q2
      booking('2026-05-10T14:00:00Z', { status: 'cancelled' }),
    ];
    expect(customerKpis(records, NOW, ZONE).bookingsThisQuarter).toBe(2);
  });

  it('rate no-shows among bookings with an outcome', () => {
    const records = [
      booking('2026-05-01T14:00:00Z', { status: 'completed', noShow: true }),
      booking('2026-05-02T14:00:00Z', { status: 'completed', noShow: false }),
      booking('2026-05-03T14:00:00Z', { status: 'completed' }),
      booking('2026-05-04T14:00:00Z', { status: 'completed', noShow: true }),
      booking('2026-05-30T14:00:00Z'), // not yet held
    ];
    expect(customerKpis(records, NOW, ZONE).noShowRate).toBe(0.5);
  });
});
