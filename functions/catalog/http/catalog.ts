/**
 * The service catalog: admins keep it, staff read all of it, clients and the public see what
 * is active. Each list page is one Query: the firm's services by id, or one status's by name.
 * The task templates (templates.ts) are the firm's other catalog.
 */
import { firmLanguagesOf } from '../../../shared/domain/locales.ts';
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../../shared/api/errors.ts';
import { CATALOG_OPERATIONS } from '../../../shared/api/operations/catalog.ts';
import { CATALOG_SCHEMAS, type ServiceView } from '../../../shared/api/schemas/catalog.ts';
import type { Service } from '../../../shared/db/entities/service.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { diffFields } from '../../../shared/domain/audit/diff.ts';
import { bookingSettingsOf, type BookingSettings } from '../../../shared/domain/bookings/settings.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf, type SignedInRequest, type WithParams } from '../../lib/http.ts';
import { database } from '../db.ts';
import { getFirmBrand, updateFirmBrand } from '../brand.ts';
import { createPromoCode, listPromoCodes, updatePromoCode } from '../promo-codes.ts';
import { createTaskTemplate, deleteTaskTemplate, getTaskTemplate, listTaskTemplateCategories, listTaskTemplates, updateTaskTemplate } from '../templates.ts';

const CATALOG_SIZE = 100;

type ServiceItem = EntityItem<typeof Service>;
type QuestionInput = { label: string; required: boolean };

const toView = (s: ServiceItem): ServiceView => ({
  serviceId: s.serviceId,
  name: s.name,
  description: s.description,
  category: s.category,
  basePrice: s.basePrice,
  currency: s.currency,
  estimatedHours: s.estimatedHours,
  requiredSkills: s.requiredSkills,
  questions: s.questions,
  status: s.status,
  ...(s.booking !== undefined && { booking: bookingSettingsOf(s.booking) }),
  updatedAt: s.updatedAt,
  version: s.version,
});

const isClient = (req: SignedInRequest) => req.actor.role === 'CLIENT';

/** Questions keep their key while their label stays, so answers on earlier requests still match. */
function keyed(questions: QuestionInput[], before: ServiceItem['questions'] = []) {
  return questions.map((q) => ({ key: before.find((b) => b.label === q.label)?.key ?? `q-${randomUUID().slice(0, 8)}`, label: q.label, required: q.required }));
}

async function serviceOf(req: SignedInRequest & WithParams<'serviceId'>): Promise<ServiceItem> {
  const { tenantId } = req.actor;
  const { data } = await database().entities.service.get({ tenantId, serviceId: req.params.serviceId }).go();
  // Clients only ever see what they could request.
  if (!data || (isClient(req) && data.status !== 'active')) throw notFound('Service');
  return data;
}

async function listServices(req: RequestOf<'listServices'>): Promise<ReplyOf<'listServices'>> {
  const { tenantId } = req.actor;
  const { limit, cursor } = req.query;
  const status = isClient(req) ? 'active' : req.query.status;
  const { service } = database().entities;
  const page = await queryPage(
    cursor,
    (from) => (status ? service.query.byStatus({ tenantId, status }) : service.query.byTenant({ tenantId })).go({ limit, cursor: from }),
    toView,
  );
  return { body: page };
}

async function getService(req: RequestOf<'getService'>): Promise<ReplyOf<'getService'>> {
  return { body: toView(await serviceOf(req)) };
}

async function createService(req: RequestOf<'createService'>): Promise<ReplyOf<'createService'>> {
  const { tenantId } = req.actor;
  const db = database();
  const { data: tenant } = await db.entities.tenant.get({ tenantId }).go();
  if (!tenant) throw notFound('Firm');
  const item: ServiceItem = {
    ...req.body,
    tenantId,
    serviceId: randomUUID(),
    currency: tenant.currency,
    questions: keyed(req.body.questions),
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    version: 1,
  };
  await commitTransaction(db, (entities) => [
    entities.service.create(item).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'service.created',
      entityType: 'service',
      entityId: item.serviceId,
      changes: diffFields({}, { name: item.name, category: item.category, basePrice: item.basePrice, status: item.status }),
    }),
  ]);
  return { status: 201, body: toView(item) };
}

async function updateService(req: RequestOf<'updateService'>): Promise<ReplyOf<'updateService'>> {
  const current = await serviceOf(req);
  const { version, questions, ...fields } = req.body;
  if (version !== current.version) throw conflict(`${current.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`);
  const next: ServiceItem = { ...current, ...fields, ...(questions && { questions: keyed(questions, current.questions) }), version: current.version + 1 };
  const pick = (s: ServiceItem) => ({
    name: s.name,
    description: s.description,
    category: s.category,
    basePrice: s.basePrice,
    estimatedHours: s.estimatedHours,
    requiredSkills: s.requiredSkills,
    questions: s.questions.map((q) => `${q.label}${q.required ? ' *' : ''}`),
    status: s.status,
  });
  const changes = diffFields(pick(current), pick(next));
  if (!changes.length) return { body: toView(current) };
  await commitTransaction(
    database(),
    (entities) => [
      // A whole-item put keeps the by-status index in step with name and status.
      entities.service
        .put(next)
        .where((a, op) => op.eq(a.version, version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: changes.some((c) => c.field === 'status') ? 'service.status_changed' : 'service.updated',
        entityType: 'service',
        entityId: current.serviceId,
        changes,
      }),
    ],
    `${current.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`,
  );
  return { body: toView(next) };
}

/** Booking settings replace the whole set (the form shows them all); the audit keeps what changed, setting by setting. */
async function updateServiceBooking(req: RequestOf<'updateServiceBooking'>): Promise<ReplyOf<'updateServiceBooking'>> {
  const current = await serviceOf(req);
  const { version, ...settings } = req.body;
  if (version !== current.version) throw conflict(`${current.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`);
  const before = bookingSettingsOf(current.booking);
  const flat = (s: BookingSettings) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]));
  const changes = diffFields(flat(before), flat(settings));
  if (!changes.length) return { body: toView(current) };
  const next: ServiceItem = { ...current, booking: settings, version: current.version + 1 };
  await commitTransaction(
    database(),
    (entities) => [
      entities.service
        .patch({ tenantId: current.tenantId, serviceId: current.serviceId })
        .set({ booking: settings, version: next.version })
        .where((a, op) => op.eq(a.version, version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), { action: 'service.booking_changed', entityType: 'service', entityId: current.serviceId, changes }),
    ],
    `${current.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`,
  );
  return { body: toView(next) };
}

async function getCatalog(req: RequestOf<'getCatalog'>): Promise<ReplyOf<'getCatalog'>> {
  const db = database();
  const { data: firms } = await db.entities.tenant.query.bySlug({ slug: req.params.firmSlug.toLowerCase() }).go({ limit: 1 });
  const firm = firms[0];
  if (!firm || firm.status !== 'active') throw notFound('Firm');
  const { data } = await db.entities.service.query.byStatus({ tenantId: firm.tenantId, status: 'active' }).go({ limit: CATALOG_SIZE });
  return {
    body: {
      firm: {
        slug: firm.slug,
        name: firm.name,
        currency: firm.currency,
        clientSignUp: firm.clientSignUp,
        ...(firm.brandAccent && { accent: firm.brandAccent }),
        ...firmLanguagesOf(firm),
      },
      services: data.map(toView),
    },
  };
}

export const handler = contextHandler({
  routes: CATALOG_OPERATIONS,
  schemas: CATALOG_SCHEMAS,
  operations: {
    listServices,
    getService,
    createService,
    updateService,
    updateServiceBooking,
    getCatalog,
    getFirmBrand,
    updateFirmBrand,
    listTaskTemplates,
    listTaskTemplateCategories,
    getTaskTemplate,
    createTaskTemplate,
    updateTaskTemplate,
    deleteTaskTemplate,
    listPromoCodes,
    createPromoCode,
    updatePromoCode,
  },
  authenticate: actorFromClaims,
});
