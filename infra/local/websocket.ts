/**
 * The local stand-in for API Gateway's WebSocket API: upgrades on `/ws` (same origin as the
 * site, as behind CloudFront) invoke the deployed authorizer bundle (Deny → 401), then the
 * routes bundle gets `$connect`, `$default` and `$disconnect` events. A second, loopback-only port
 * serves the `@connections` management API the handlers call (gone → 410 GoneException).
 */
import type { APIGatewayAuthorizerResult, APIGatewayProxyResultV2, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LocalLambda } from './lambda-runtime.ts';

interface Open {
  socket: WebSocket;
  connectedAt: string;
  lastActiveAt: string;
  sourceIp: string;
  userAgent: string;
}

export interface LocalWebSocket {
  managementEndpoint: string;
  close: () => Promise<void>;
}

export async function attachWebSocket(server: Server, managementPort: number, lambda: LocalLambda, log: (line: string) => void): Promise<LocalWebSocket> {
  const authorize = (event: APIGatewayRequestAuthorizerEvent) => lambda.invoke<APIGatewayAuthorizerResult>('ws/authorizer', event);
  const route = (event: unknown) => lambda.invoke<APIGatewayProxyResultV2>('ws/routes', event);
  const wss = new WebSocketServer({ noServer: true });
  const open = new Map<string, Open>();
  let stopping = false;

  const routeEvent = (routeKey: string, connectionId: string, authorizer: Record<string, unknown>, body?: string) => ({
    requestContext: {
      routeKey,
      eventType: routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE',
      connectionId,
      authorizer,
      stage: 'ws',
      apiId: 'local',
      domainName: 'localhost',
      requestId: randomBytes(8).toString('hex'),
      requestTimeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    ...(body !== undefined && { body }),
  });

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    if (url.pathname !== '/ws') return refuse('404 Not Found');
    const connectionId = randomBytes(12).toString('base64url');
    const decision = await authorize({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:local:000000000000:local/ws/$connect',
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      queryStringParameters: Object.fromEntries(url.searchParams),
      requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId },
    } as unknown as APIGatewayRequestAuthorizerEvent).catch(() => undefined);
    const allowed = decision?.policyDocument.Statement.every((s) => s.Effect === 'Allow');
    if (!decision || !allowed) return refuse('401 Unauthorized');
    const context = decision.context ?? {};
    const connected = (await route(routeEvent('$connect', connectionId, context))) as { statusCode?: number };
    if (connected.statusCode !== 200) return refuse('403 Forbidden');

    wss.handleUpgrade(req, socket, head, (ws) => {
      const now = new Date().toISOString();
      open.set(connectionId, {
        socket: ws,
        connectedAt: now,
        lastActiveAt: now,
        sourceIp: req.socket.remoteAddress ?? '',
        userAgent: req.headers['user-agent'] ?? '',
      });
      ws.on('message', (data) => {
        open.get(connectionId)!.lastActiveAt = new Date().toISOString();
        route(routeEvent('$default', connectionId, context, data.toString())).catch((e: unknown) => log(`ws $default failed: ${String(e)}`));
      });
      ws.on('close', () => {
        open.delete(connectionId);
        // The stack is stopping (its functions with it): nothing is left to tell.
        if (stopping) return;
        route(routeEvent('$disconnect', connectionId, context)).catch((e: unknown) => log(`ws $disconnect failed: ${String(e)}`));
      });
    });
  }

  server.on('upgrade', (req, socket, head) => {
    onUpgrade(req, socket, head).catch((e: unknown) => {
      log(`ws upgrade failed: ${String(e)}`);
      socket.destroy();
    });
  });

  const management = createServer((req, res) => {
    const match = /^\/@connections\/([^/?]+)/.exec(req.url ?? '');
    const connection = match ? open.get(decodeURIComponent(match[1]!)) : undefined;
    if (!connection) {
      res.writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' });
      return res.end(JSON.stringify({ message: 'Gone' }));
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') {
        connection.socket.send(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200).end();
      } else if (req.method === 'DELETE') {
        connection.socket.close(1000);
        res.writeHead(204).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ConnectedAt: connection.connectedAt,
            LastActiveAt: connection.lastActiveAt,
            Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    management.once('error', reject);
    management.listen(managementPort, '127.0.0.1', () => resolve());
  });

  return {
    managementEndpoint: `http://127.0.0.1:${managementPort}`,
    close: async () => {
      stopping = true;
      for (const { socket } of open.values()) socket.terminate();
      await new Promise<void>((r) => management.close(() => r()));
    },
  };
}
