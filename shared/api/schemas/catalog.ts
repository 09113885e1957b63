import * as z from 'zod/mini';
import { firmLanguagesFields } from './user.ts';
import { accentProblem } from '../../domain/brand/contrast.ts';
import {
  checklistSteps as steps,
  description,
  money,
  page,
  pageQuery,
  personName,
  requiredString,
  skills,
  taskHours as hours,
  typeError,
  version,
} from './common.ts';
import { bookingSettings, updateServiceBookingInput } from './booking-settings.ts';
import { createPromoCodeInput, promoCodeView, updatePromoCodeInput } from './promo-codes.ts';
import type { Schemas } from './types.ts';
import { SERVICE_STATUSES } from '../../domain/catalog/services.ts';

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
  /** Present once an admin has set how it is booked. */
  booking: z.optional(bookingSettings),
  updatedAt: z.string(),
  version: z.number(),
});
export type ServiceView = z.infer<typeof serviceView>;

/** Questions come in as labels; a trailing or leading `*` is not needed: `required` says it. */
const questionInput = z.object({ label: requiredString(200), required: z._default(z.boolean(), false) });

const serviceFields = {
  name: personName(120),
  description: z._default(description, ''),
  category: requiredString(60),
  basePrice: money,
  estimatedHours: z.number({ error: typeError('must be a number of hours') }).check(z.gt(0, 'must be more than 0'), z.maximum(10_000, 'is too large')),
  requiredSkills: z._default(skills, []),
  questions: z._default(z.array(questionInput).check(z.maxLength(20, 'at most 20 questions')), []),
};

export const createServiceInput = z.object({ ...serviceFields, status: z._default(z.enum(SERVICE_STATUSES), 'active') });

export const updateServiceInput = z.object({
  version,
  name: z.optional(serviceFields.name),
  description: z.optional(description),
  category: z.optional(serviceFields.category),
  basePrice: z.optional(serviceFields.basePrice),
  estimatedHours: z.optional(serviceFields.estimatedHours),
  requiredSkills: z.optional(skills),
  questions: z.optional(z.array(questionInput).check(z.maxLength(20, 'at most 20 questions'))),
  status: z.optional(z.enum(SERVICE_STATUSES, { error: 'must be active, inactive or deprecated' })),
});

export const listServicesQuery = z.extend(pageQuery, { status: z.optional(z.enum(SERVICE_STATUSES)) });

export const catalog = z.object({
  firm: z.object({
    slug: z.string(),
    name: z.string(),
    currency: z.string(),
    clientSignUp: z.boolean(),
    accent: z.optional(z.string()),
    ...firmLanguagesFields,
  }),
  services: z.array(serviceView),
});

const ASSIGNEE_ROLES = ['TEAM_MEMBER', 'TEAM_LEAD'] as const;

export const taskTemplateView = z.object({
  templateId: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  defaultAssigneeRole: z.enum(ASSIGNEE_ROLES),
  estimatedHours: z.number(),
  checklist: z.array(z.string()),
  requiredSkills: z.array(z.string()),
  updatedAt: z.string(),
  version: z.number(),
});
export type TaskTemplateView = z.infer<typeof taskTemplateView>;

const templateFields = {
  name: personName(120),
  description: z._default(description, ''),
  category: requiredString(60),
  defaultAssigneeRole: z._default(z.enum(ASSIGNEE_ROLES, { error: 'must be TEAM_MEMBER or TEAM_LEAD' }), 'TEAM_MEMBER'),
  estimatedHours: hours,
  checklist: z._default(steps, []),
  requiredSkills: z._default(skills, []),
};

export const createTaskTemplateInput = z.object(templateFields);
export const updateTaskTemplateInput = z.object({
  version,
  name: z.optional(templateFields.name),
  description: z.optional(description),
  category: z.optional(templateFields.category),
  defaultAssigneeRole: z.optional(z.enum(ASSIGNEE_ROLES, { error: 'must be TEAM_MEMBER or TEAM_LEAD' })),
  estimatedHours: z.optional(hours),
  checklist: z.optional(steps),
  requiredSkills: z.optional(skills),
});

export const listTemplatesQuery = z.extend(pageQuery, { category: z.optional(z.string().check(z.trim(), z.maxLength(60))) });

/** The catalog context's operations → schemas. */
/** The firm's brand: its accent colour and the footer of its emails. */
export const firmBrand = z.object({ accent: z.optional(z.string()), emailFooter: z.optional(z.string()) });

/** Only what changes; null goes back to the portal's own colour, or no footer. */
export const firmBrandInput = z
  .object({
    accent: z.optional(
      z.nullable(
        z.string().check(
          z.trim(),
          z.toLowerCase(),
          z.refine((hex) => !accentProblem(hex), { error: (issue) => accentProblem(String(issue.input)) ?? 'is not valid' }),
        ),
      ),
    ),
    emailFooter: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(500, 'must be at most 500 characters')))),
  })
  .check(z.refine((b) => b.accent !== undefined || b.emailFooter !== undefined, { error: 'must change accent or emailFooter' }));

export const CATALOG_SCHEMAS = {
  getFirmBrand: { response: firmBrand },
  updateFirmBrand: { body: firmBrandInput, response: firmBrand },
  listServices: { query: listServicesQuery, response: page(serviceView) },
  getService: { response: serviceView },
  createService: { body: createServiceInput, response: serviceView },
  updateService: { body: updateServiceInput, response: serviceView },
  updateServiceBooking: { body: updateServiceBookingInput, response: serviceView },
  getCatalog: { response: catalog },
  listTaskTemplates: { query: listTemplatesQuery, response: page(taskTemplateView) },
  listTaskTemplateCategories: { response: z.object({ categories: z.array(z.string()) }) },
  getTaskTemplate: { response: taskTemplateView },
  createTaskTemplate: { body: createTaskTemplateInput, response: taskTemplateView },
  updateTaskTemplate: { body: updateTaskTemplateInput, response: taskTemplateView },
  deleteTaskTemplate: {},
  listPromoCodes: { query: pageQuery, response: page(promoCodeView) },
  createPromoCode: { body: createPromoCodeInput, response: promoCodeView },
  updatePromoCode: { body: updatePromoCodeInput, response: promoCodeView },
} satisfies Record<string, Schemas>;
