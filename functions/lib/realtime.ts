/** Sends messages to open WebSockets through the @connections API. */
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { config, realtimeConfig } from '../../shared/config.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { Connection } from '../../shared/db/entities/connection.ts';
import { User } from '../../shared/db/entities/user.ts';

const database = databaseOf({ connection: Connection, user: User });

let client: ApiGatewayManagementApiClient | undefined;
const management = () => (client ??= new ApiGatewayManagementApiClient({ region: config().AWS_REGION, endpoint: realtimeConfig().WS_MANAGEMENT_ENDPOINT }));

export interface RealtimeMessage {
  type: string;
  [key: string]: unknown;
}

/** false when the connection is gone (closed without a clean disconnect). */
export async function postToConnection(connectionId: string, message: RealtimeMessage): Promise<boolean> {
  try {
    await management().send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(JSON.stringify(message)) }));
    return true;
  } catch (e) {
    if ((e as Error).name === 'GoneException') return false;
    throw e;
  }
}

/**
 * To every open connection of a user who is still active; gone ones are forgotten. A
 * deactivated user's connections are closed instead. Returns how many got it.
 */
export async function pushToUser(tenantId: string, userId: string, message: RealtimeMessage): Promise<number> {
  const { connection, user } = database().entities;
  const { data: open } = await connection.query.byUser({ tenantId, userId }).go({ pages: 'all' });
  if (open.length === 0) return 0;
  const { data: person } = await user.get({ tenantId, userId }).go();
  if (person?.status !== 'active') {
    await close(open);
    return 0;
  }
  const delivered = await Promise.all(
    open.map(async ({ connectionId }) => {
      if (await postToConnection(connectionId, message)) return true;
      await connection.delete({ tenantId, userId, connectionId }).go();
      return false;
    }),
  );
  return delivered.filter(Boolean).length;
}

/**
 * Closes a user's open WebSockets (all, or those opened at or before `openedBy`, an ISO
 * instant) and forgets them: a deactivation or a password reset ends live sessions too.
 */
export async function closeConnections(tenantId: string, userId: string, openedBy?: string): Promise<number> {
  const { data: open } = await database().entities.connection.query.byUser({ tenantId, userId }).go({ pages: 'all' });
  return close(open.filter((c) => openedBy === undefined || Date.parse(c.connectedAt) <= Date.parse(openedBy)));
}

/** Closes every open WebSocket of a firm (suspended): its people are refused new ones until it is reactivated. */
export async function closeFirmConnections(tenantId: string): Promise<number> {
  const { data: open } = await database().entities.connection.query.byTenant({ tenantId }).go({ pages: 'all' });
  return close(open);
}

async function close(connections: { tenantId: string; userId: string; connectionId: string }[]): Promise<number> {
  await Promise.all(
    connections.map(async ({ tenantId, userId, connectionId }) => {
      await management()
        .send(new DeleteConnectionCommand({ ConnectionId: connectionId }))
        .catch((e: unknown) => {
          if ((e as Error).name !== 'GoneException') throw e;
        });
      await database().entities.connection.delete({ tenantId, userId, connectionId }).go();
    }),
  );
  return connections.length;
}
