/**
 * Client self-sign-up. The form takes a name and an email; the emailed link (the invitation
 * machinery, source 'self') proves the address and is where the password is chosen, so nobody
 * can pre-register someone else's address with a password they know. The answer is the same,
 * and as fast, whether or not the address already has an account: the address is looked into
 * afterwards (sign-up-request.ts), and an owner gets an email saying so.
 */
import { firmLanguagesOf } from '../../../shared/domain/locales.ts';
import { requireOffered } from '../../lib/firm-languages.ts';
import { forbidden, notFound } from '../../../shared/api/errors.ts';
import { SIGNUP_OPERATIONS } from '../../../shared/api/operations/signup.ts';
import { SIGNUP_SCHEMAS } from '../../../shared/api/schemas/signup.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { askedAbout } from '../after-answer.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';

const database = databaseOf({ tenant: Tenant, outbox: OutboxEvent });

async function firmBySlug(slug: string) {
  const { data } = await database().entities.tenant.query.bySlug({ slug: slug.toLowerCase() }).go({ limit: 1 });
  const tenant = data[0];
  if (!tenant || tenant.status !== 'active') throw notFound('Firm');
  return tenant;
}

async function getSignUpFirm(req: RequestOf<'getSignUpFirm'>): Promise<ReplyOf<'getSignUpFirm'>> {
  const tenant = await firmBySlug(req.params.firmSlug);
  return { body: { slug: tenant.slug, name: tenant.name, clientSignUp: tenant.clientSignUp, ...firmLanguagesOf(tenant) } };
}

/**
 * Answered after one and the same write for every address: the event the accounts consumer
 * works on (sign-up-request.ts). Whether the address has an account never shows in the answer
 * or its timing (ADR 0017).
 */
async function signUp(req: RequestOf<'signUp'>): Promise<ReplyOf<'signUp'>> {
  const tenant = await firmBySlug(req.params.firmSlug);
  if (!tenant.clientSignUp) throw forbidden(`${tenant.name} does not take sign-ups online. Ask the firm for an invitation.`);
  const { name, email } = req.body;
  requireOffered(tenant, req.body.locale);
  await database()
    .entities.outbox.create(
      askedAbout(req, tenant.tenantId, { type: 'auth.signup_asked', detail: { name, email, locale: req.body.locale ?? tenant.locale } }, email),
    )
    .go();
  return { status: 202, body: { email } };
}

export const handler = contextHandler({ routes: SIGNUP_OPERATIONS, schemas: SIGNUP_SCHEMAS, operations: { getSignUpFirm, signUp } });
