/** Asking for a service: by a client for themselves, or by staff on a client's behalf. */
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, validationFailed } from '../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { kpiStateOf } from '../../shared/domain/requests/kpis.ts';
import { answersTo } from '../../shared/domain/requests/requirements.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import { changeContext } from '../lib/change-context.ts';
import { nextReference } from './references.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';
import { UNASSIGNED } from '../../shared/db/entities/service-request.ts';
import { NO_CUSTOMER, customerOf } from '../../shared/db/entities/customer.ts';
import { toView, type ActivityItem, type RequestItem } from './request-access.ts';
import { attachmentsFor } from './attachments.ts';

/** The client the request is for: the caller, or (staff) an active client of the firm. */
async function clientOf(actor: AuthenticatedActor, clientId: string | undefined) {
  if (actor.role === 'CLIENT') {
    if (clientId && clientId !== actor.userId) throw forbidden('Clients ask for services for themselves.');
    return { clientId: actor.userId, clientName: actor.name, customerId: actor.contact?.customerId ?? NO_CUSTOMER };
  }
  if (!clientId) throw validationFailed([{ field: 'clientId', message: 'is required when asking on a client’s behalf' }]);
  const { data: client } = await database().entities.user.get({ tenantId: actor.tenantId, userId: clientId }).go();
  if (!client || client.role !== 'CLIENT' || client.status !== 'active')
    throw validationFailed([{ field: 'clientId', message: 'is not an active client of this firm' }]);
  return { clientId, clientName: client.name, customerId: client.customerId ?? NO_CUSTOMER };
}

export async function createRequest(req: RequestOf<'createRequest'>): Promise<ReplyOf<'createRequest'>> {
  const actor = req.actor;
  const { serviceId, submit, requirements, attachments, ...fields } = req.body;
  const db = database();
  const [{ data: service }, client] = await Promise.all([
    db.entities.service.get({ tenantId: actor.tenantId, serviceId }).go(),
    clientOf(actor, req.body.clientId),
  ]);
  if (!service) throw validationFailed([{ field: 'serviceId', message: 'is not a service of this firm' }]);
  if (service.status !== 'active') throw new AppError('unprocessable', `${service.name} cannot be requested right now.`);
  const { answers, missing } = answersTo(service.questions, requirements);
  if (missing.length) throw validationFailed(missing);
  const attachedDocuments = await attachmentsFor(actor, { customerId: customerOf(client), internal: false }, attachments);

  const now = new Date().toISOString();
  const request: RequestItem = {
    ...fields,
    ...client,
    tenantId: actor.tenantId,
    requestId: randomUUID(),
    reference: await nextReference(db.entities, actor.tenantId),
    serviceId,
    serviceName: service.name,
    status: submit ? 'submitted' : 'draft',
    currency: service.currency,
    listPrice: service.basePrice,
    requirements: answers,
    ...(attachedDocuments.length && { attachedDocuments }),
    assigneeId: UNASSIGNED,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const created: ActivityItem = {
    tenantId: actor.tenantId,
    requestId: request.requestId,
    activityId: randomUUID(),
    at: now,
    kind: 'created',
    to: request.status,
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    internal: false,
  };
  await commitTransaction(db, (entities) => [
    entities.request.create(request).commit(),
    entities.activity.create(created).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: submit ? 'request.submitted' : 'request.drafted',
      entityType: 'request',
      entityId: request.requestId,
      customerId: customerOf(request),
      changes: [
        { field: 'status', from: null, to: request.status },
        ...(attachedDocuments.length ? [{ field: 'attachments', from: null, to: attachedDocuments.map((a) => a.name) }] : []),
      ],
      event: {
        type: submit ? 'request.submitted' : 'request.drafted',
        detail: {
          requestId: request.requestId,
          reference: request.reference,
          title: request.title,
          clientId: request.clientId,
          clientName: request.clientName,
          actorName: actor.name,
          assigneeId: null,
          status: request.status,
          kpi: { after: kpiStateOf(request) },
        },
      },
    }),
  ]);
  return { status: 201, body: toView(request) };
}
