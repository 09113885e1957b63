/** A firm's promo codes for bookings, kept by admins (checked at booking by the pricing engine). */
import * as z from 'zod/mini';
import { instant, typeError } from './common.ts';
import { money, version } from './common.ts';

const CODE = /^[A-Z0-9][A-Z0-9_-]{2,39}$/;

type Terms = { kind: 'percent' | 'fixed'; value: number; validFrom?: string | undefined; validUntil?: string | undefined };
const termsChecks = [
  z.refine<Terms>((p) => p.kind !== 'percent' || p.value <= 100, { message: 'cannot be more than 100 percent', path: ['value'] }),
  z.refine<Terms>((p) => !p.validFrom || !p.validUntil || Date.parse(p.validUntil) > Date.parse(p.validFrom), {
    message: 'must be after valid from',
    path: ['validUntil'],
  }),
];

/** `value`: percent off, or minor units off in the firm's currency. `maxUses` 0: no limit. */
const terms = {
  kind: z.enum(['percent', 'fixed'], { error: 'must be percent or fixed' }),
  value: z
    .number({ error: typeError('must be a number') })
    .check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1'), z.maximum(100_000_000_00, 'is too large')),
  validFrom: z.optional(instant),
  validUntil: z.optional(instant),
  maxUses: z._default(z.number({ error: typeError('must be a number') }).check(z.int('must be a whole number'), z.minimum(0, 'cannot be negative')), 0),
  oncePerClient: z._default(z.boolean(), false),
  minAmount: z._default(money, 0),
  active: z._default(z.boolean(), true),
};

export const createPromoCodeInput = z
  .object({
    code: z
      .string({ error: typeError('must be text') })
      .check(z.maxLength(60, 'must be 3 to 40 letters, digits, - or _'), z.trim(), z.toUpperCase(), z.regex(CODE, 'must be 3 to 40 letters, digits, - or _')),
    ...terms,
  })
  .check(...termsChecks);

/** The whole terms again, with the version the admin saw; the code itself never changes. */
export const updatePromoCodeInput = z.object({ ...terms, version }).check(...termsChecks);

export const promoCodeView = z.object({
  code: z.string(),
  kind: z.enum(['percent', 'fixed']),
  value: z.number(),
  currency: z.optional(z.string()),
  validFrom: z.optional(z.string()),
  validUntil: z.optional(z.string()),
  maxUses: z.number(),
  uses: z.number(),
  oncePerClient: z.boolean(),
  minAmount: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type PromoCodeView = z.infer<typeof promoCodeView>;
