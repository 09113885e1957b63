/** Dates and times are read strictly everywhere: an impossible day never becomes a real booking (issue 13). */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { at, bookAsGuest, bookingFixtures } from '../../infra/local/test-bookings.ts';

const { service: bookableService, staff } = bookingFixtures();
let serviceId: string;
let client: Signed;

beforeAll(async () => {
  await staff('Dana');
  serviceId = await bookableService();
  client = await signIn('john.doe@example.com');
});

const guest = { name: 'Gil Guest', email: 'gil.guest@example.com' };
const startProblems = (res: Awaited<ReturnType<typeof api>>) => ({
  status: res.status,
  start: res.body.error?.details?.filter((d: { field: string }) => d.field === 'start').map((d: { message: string }) => d.message),
});

describe('an impossible start', () => {
  const routes: [string, (start: unknown) => ReturnType<typeof api>][] = [
    ['a quote', (start) => api('/api/book/designpi/quote', { method: 'POST', body: JSON.stringify({ serviceId, start }) })],
    ['a guest booking', (start) => bookAsGuest(serviceId, start as string, guest)],
    [
      'a reschedule through the manage link',
      (start) => api('/api/manage-booking/t-designpi.someone.secret/reschedule', { method: 'POST', body: JSON.stringify({ start, version: 1 }) }),
    ],
    [
      'a client booking',
      (start) => api('/api/bookings', { method: 'POST', token: client.token, body: JSON.stringify({ serviceId, start, bookingType: 'video' }) }),
    ],
  ];

  it.each(routes)('is refused by %s, naming the rule', async (_, send) => {
    for (const start of ['2027-02-30T15:00:00Z', '2027-02-29T15:00:00Z', '2027-06-31T15:00:00Z', '2026-12-32T15:00:00Z']) {
      expect(startProblems(await send(start)), start).toEqual({ status: 400, start: ['is not a real date'] });
    }
    expect(startProblems(await send('2026-12-01T15:60:00Z'))).toEqual({ status: 400, start: ['is not a real time of day'] });
    expect(startProblems(await send(1_800_000_000_000))).toEqual({ status: 400, start: ['must be a date and time like 2026-12-01T15:00:00Z'] });
    expect(startProblems(await send(undefined))).toEqual({ status: 400, start: ['is required'] });
  });

  it('while a real one still books', async () => {
    expect((await bookAsGuest(serviceId, at(3, 10 * 60), guest)).status).toBe(201);
  });
});

describe('a date range past the years the portal works in', () => {
  it('is refused at once, not looped over', async () => {
    const res = await api('/api/bookings?from=9999-12-01T00:00:00Z&to=9999-12-31T00:00:00Z', { token: client.token });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'query.from', message: 'must be between the years 2000 and 2100' })]),
    );
  });
});

describe('a name with a line break', () => {
  it('is refused wherever a name reaches an email (guest booking, sign-up, invitation)', async () => {
    const admin = await signIn('hello@designpi.com');
    const names = ['Eve\r\nBcc: victim@example.com', 'Eve\nX', 'Eve\u0000'];
    for (const name of names) {
      const booked = await bookAsGuest(serviceId, at(4, 10 * 60), { name, email: 'eve.guest@example.com' });
      const signedUp = await api('/api/signup/designpi', { method: 'POST', body: JSON.stringify({ name, email: 'eve.signup@example.com' }) });
      const invited = await api('/api/invitations', {
        method: 'POST',
        token: admin.token,
        body: JSON.stringify({ name, email: 'eve.invited@example.com', role: 'CLIENT' }),
      });
      for (const res of [booked, signedUp, invited]) {
        expect(res.status, JSON.stringify(name)).toBe(400);
        expect(res.body.error.details).toContainEqual(
          expect.objectContaining({ field: 'name', message: 'must be one line, without line breaks or control characters' }),
        );
      }
    }
  });
});
