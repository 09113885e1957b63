/**
 * The WebSocket API's Lambda authorizer: the URL's one-time ticket (never a bearer token)
 * must exist, match and be fresh; it is consumed, and the user must still be active.
 * The context it returns reaches every route of the connection.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { databaseOf } from '../../../shared/db/service.ts';
import { RealtimeTicket } from '../../../shared/db/entities/realtime-ticket.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { namesRecord, parseLinkToken, secretMatches } from '../../lib/link-token.ts';

const database = databaseOf({ realtimeTicket: RealtimeTicket, user: User });

const deny = (resource: string): APIGatewayAuthorizerResult => ({
  principalId: 'anonymous',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: resource }] },
});

export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const ticket = parseLinkToken(event.queryStringParameters?.ticket ?? '');
  if (!ticket) return deny(event.methodArn);
  const { realtimeTicket, user } = database().entities;
  const key = { tenantId: ticket.tenantId, ticketId: ticket.recordId };
  // Consumed by a conditional delete: of two connections racing with one ticket, one wins.
  const consumed = await realtimeTicket
    .delete(key)
    .where((a, op) => op.exists(a.ticketId))
    .go({ response: 'all_old' })
    .catch(() => ({ data: null }));
  const found = consumed.data;
  if (!found || !namesRecord(ticket, found.tenantId, found.ticketId) || !secretMatches(found.secretHash, ticket.secret) || found.expiresAt * 1000 < Date.now())
    return deny(event.methodArn);
  const { data: person } = await user.get({ tenantId: found.tenantId, userId: found.userId }).go();
  if (!person || person.status !== 'active') return deny(event.methodArn);
  return {
    principalId: person.userId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
    context: { tenantId: person.tenantId, userId: person.userId, role: person.role },
  };
}
