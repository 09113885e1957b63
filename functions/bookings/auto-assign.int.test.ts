/** Who takes a booking nobody was chosen for: the request ranking among those free for the slot. */
import { beforeAll, expect, it } from 'vitest';
import { at, bookingFixtures, tenantId } from '../../infra/local/test-bookings.ts';
import { api, joinAs, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

const { run, service, staff } = bookingFixtures();
let serviceId: string;
let cleo: Signed;
let dev: Signed;
let client: Signed;

const book = (start: string) => api('/api/bookings', { method: 'POST', token: client.token, body: JSON.stringify({ serviceId, start, timeZone: 'UTC' }) });
const reasonOf = async (bookingId: string) =>
  JSON.parse((await database().entities.serviceRequest.get({ tenantId, requestId: bookingId }).go()).data!.assignmentReason!);

beforeAll(async () => {
  [cleo, dev] = [await staff('Cleo'), await staff('Dev')];
  serviceId = await service();
  client = await joinAs({ email: `rank.${run}@example.test`, name: 'Rank Client', role: 'CLIENT', password: 'Client-Passw0rd!' });
  // Dev is an expert, Cleo a junior; both have room.
  await database().entities.user.patch({ tenantId, userId: dev.userId }).set({ expertiseLevel: 'expert', maxConcurrentProjects: 10 }).go();
  await database().entities.user.patch({ tenantId, userId: cleo.userId }).set({ expertiseLevel: 'junior', maxConcurrentProjects: 10 }).go();
});

it('gives a booking to the best-ranked free person, as requests are ranked, with the reason kept', async () => {
  const first = await book(at(5, 600));
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  expect(first.body.staffId).toBe(dev.userId);
  expect(await reasonOf(first.body.bookingId)).toMatchObject({ kind: 'auto', expertise: 'expert', required: 1 });
  // Dev is busy at 10:00: the next best who is free takes the same time.
  const second = await book(at(5, 600));
  expect(second.body.staffId).toBe(cleo.userId);
});

it('puts someone at capacity after everyone with room, but still books them when they are the only one free', async () => {
  await database().entities.user.patch({ tenantId, userId: dev.userId }).set({ maxConcurrentProjects: 1 }).go();
  // Dev holds a booking already (active requests 1 of 1): Cleo, with room, comes first.
  const res = await book(at(6, 660));
  expect(res.body.staffId).toBe(cleo.userId);
  const only = await book(at(6, 660));
  expect(only.status, JSON.stringify(only.body)).toBe(201);
  expect(only.body.staffId).toBe(dev.userId);
  expect(await reasonOf(only.body.bookingId)).toEqual({ kind: 'booking' });
});
