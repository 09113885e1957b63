/** Everything placing and moving bookings reads and writes: the change set, plus firm, people, promo codes and the reference counter. */
import type { Service } from 'electrodb';
import { Counter } from '../../shared/db/entities/counter.ts';
import { PromoCode, PromoUse } from '../../shared/db/entities/promo-code.ts';
import { SignInGuard } from '../../shared/db/entities/sign-in-guard.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { Customer } from '../../shared/db/entities/customer.ts';
import { User } from '../../shared/db/entities/user.ts';
import { CHANGE_ENTITIES } from './entities.ts';

/** `guard` counts wrong promo codes (promo-guard.ts). */
export const BOOKING_ENTITIES = {
  ...CHANGE_ENTITIES,
  tenant: Tenant,
  user: User,
  customer: Customer,
  promo: PromoCode,
  promoUse: PromoUse,
  counter: Counter,
  guard: SignInGuard,
};
export type BookingDb = Service<typeof BOOKING_ENTITIES>;
