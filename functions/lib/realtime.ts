/** Sends messages to open WebSockets through the @connections API. */
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { config, realtimeConfig } from '../../shared/config.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { Connection } from '../../shared/db/entities/connection.ts';

const database = databaseOf({ connection: Connection });

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

/** To every open connection of a user; gone ones are forgotten. Returns how many got it. */
export async function pushToUser(tenantId: string, userId: string, message: RealtimeMessage): Promise<number> {
  const { connection } = database().entities;
  const { data: open } = await connection.query.byUser({ tenantId, userId }).go({ pages: 'all' });
  const delivered = await Promise.all(
    open.map(async ({ connectionId }) => {
      if (await postToConnection(connectionId, message)) return true;
      await connection.delete({ tenantId, userId, connectionId }).go();
      return false;
    }),
  );
  return delivered.filter(Boolean).length;
}
