/**
 * The WebSocket API's routes: $connect records the connection, $disconnect forgets it, and
 * $default answers the browser's heartbeat (so a dead connection is noticed and replaced) and
 * its conversation messages: follow one (authorized on subscribe), stop, or say one is typing.
 */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { databaseOf } from '../../../shared/db/service.ts';
import { Connection } from '../../../shared/db/entities/connection.ts';
import { postToConnection } from '../../lib/realtime.ts';
import { subscribe, typing, unsubscribe } from '../../conversations/live.ts';

const database = databaseOf({ connection: Connection });

/** API Gateway keeps an idle connection 10 minutes and any connection 2 hours. */
const CONNECTION_TTL_SECONDS = 2 * 3600;

type Event = APIGatewayProxyWebsocketEventV2 & { requestContext: { authorizer?: { tenantId: string; userId: string } } };

export async function handler(event: Event): Promise<APIGatewayProxyResultV2> {
  const { routeKey, connectionId, authorizer } = event.requestContext;
  if (!authorizer) return { statusCode: 401 };
  const { tenantId, userId } = authorizer;
  const { connection } = database().entities;
  switch (routeKey) {
    case '$connect':
      await connection.put({ tenantId, userId, connectionId, expiresAt: Math.floor(Date.now() / 1000) + CONNECTION_TTL_SECONDS }).go();
      return { statusCode: 200 };
    case '$disconnect':
      await connection.delete({ tenantId, userId, connectionId }).go();
      return { statusCode: 200 };
    default: {
      const message = safeJson(event.body);
      if (message?.type === 'ping') await postToConnection(connectionId, { type: 'pong', at: new Date().toISOString() });
      const conversationId =
        typeof message?.conversationId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(message.conversationId) ? message.conversationId : undefined;
      if (conversationId) {
        const ref = { tenantId, conversationId };
        if (message?.type === 'subscribe') {
          // Refused and unknown are one answer: nothing tells them apart.
          const ok = await subscribe(ref, userId, connectionId);
          await postToConnection(connectionId, { type: ok ? 'subscribed' : 'subscribe_refused', conversationId });
        } else if (message?.type === 'unsubscribe') await unsubscribe(ref, connectionId);
        else if (message?.type === 'typing') await typing(ref, connectionId);
      }
      return { statusCode: 200 };
    }
  }
}

function safeJson(body: string | undefined): { type?: unknown; conversationId?: unknown } | undefined {
  try {
    return body ? (JSON.parse(body) as { type?: unknown; conversationId?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
