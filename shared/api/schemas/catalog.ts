import * as z from 'zod/mini';
import { page, pageQuery, requiredString } from './common.ts';
import type { Schemas } from './types.ts';

export const SERVICE_STATUSES = ['active', 'inactive', 'deprecated'] as const;

const question = z.object({ key: z.string(), label: z.string(), required: z.boolean() });

export const serviceView = z.object({
  serviceId: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  /** Integer minor units (cents) of `currency`. */
  basePrice: z.number(),
  currency: z.string(),
  estimatedHours: z.number(),
  requiredSkills: z.array(z.string()),
  questions: z.array(question),
  status: z.enum(SERVICE_STATUSES),
  updatedAt: z.string(),
  version: z.number(),
});
export type ServiceView = z.infer<typeof serviceView>;

const skill = z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a skill like tax-preparation'));

/** Questions come in as labels; a trailing or leading `*` is not needed: `required` says it. */
const questionInput = z.object({ label: requiredString(200), required: z._default(z.boolean(), false) });

const serviceFields = {
  name: requiredString(120),
  description: z._default(z.string().check(z.trim(), z.maxLength(4000)), ''),
  category: requiredString(60),
  basePrice: z.number({ error: 'must be an amount' }).check(z.int('must be whole cents'), z.minimum(0, 'cannot be negative'), z.maximum(100_000_000_00, 'is too large')),
  estimatedHours: z.number({ error: 'must be a number of hours' }).check(z.gt(0, 'must be more than 0'), z.maximum(10_000, 'is too large')),
  requiredSkills: z._default(z.array(skill).check(z.maxLength(20, 'at most 20 skills')), []),
  questions: z._default(z.array(questionInput).check(z.maxLength(20, 'at most 20 questions')), []),
};

export const createServiceInput = z.object({ ...serviceFields, status: z._default(z.enum(SERVICE_STATUSES), 'active') });

export const updateServiceInput = z.object({
  version: z.number({ error: 'is required: send the version you saw' }).check(z.int()),
  name: z.optional(serviceFields.name),
  description: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  category: z.optional(serviceFields.category),
  basePrice: z.optional(serviceFields.basePrice),
  estimatedHours: z.optional(serviceFields.estimatedHours),
  requiredSkills: z.optional(z.array(skill).check(z.maxLength(20, 'at most 20 skills'))),
  questions: z.optional(z.array(questionInput).check(z.maxLength(20, 'at most 20 questions'))),
  status: z.optional(z.enum(SERVICE_STATUSES, { error: 'must be active, inactive or deprecated' })),
});

export const listServicesQuery = z.extend(pageQuery, { status: z.optional(z.enum(SERVICE_STATUSES)) });

export const catalog = z.object({ firm: z.object({ slug: z.string(), name: z.string(), currency: z.string(), clientSignUp: z.boolean() }), services: z.array(serviceView) });

/** The catalog context's operations → schemas. */
export const CATALOG_SCHEMAS = {
  listServices: { query: listServicesQuery, response: page(serviceView) },
  getService: { response: serviceView },
  createService: { body: createServiceInput, response: serviceView },
  updateService: { body: updateServiceInput, response: serviceView },
  getCatalog: { response: catalog },
} satisfies Record<string, Schemas>;
