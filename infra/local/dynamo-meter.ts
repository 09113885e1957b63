/**
 * A metering pass-through in front of DynamoDB Local: each function of the local stack talks
 * to DynamoDB at `<meter>/fn/<name>` (the SDK keeps an endpoint's path), so the calls a
 * function makes, and the capacity they consume, can be read per function
 * (`GET /meter/<name>`, reset with `DELETE`). Used by cost tests that count, not time.
 */
import { createServer, request } from 'node:http';

/** Operations that report consumed capacity when asked; asking costs nothing. */
const REPORTS_CAPACITY = new Set(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems']);

export interface Meter {
  calls: string[];
  capacity: number;
}

export function startDynamoMeter(port: number, target: string): Promise<{ endpointFor: (fn: string) => string; endpoint: string; close: () => Promise<void> }> {
  const meters = new Map<string, Meter>();
  const meterOf = (fn: string) => meters.get(fn) ?? meters.set(fn, { calls: [], capacity: 0 }).get(fn)!;
  const upstream = new URL(target);

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const reading = /^\/meter\/([^/]+)$/.exec(url);
    if (reading) {
      const fn = decodeURIComponent(reading[1]!);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(meterOf(fn)));
      if (req.method === 'DELETE') meters.delete(fn);
      return;
    }
    const routed = /^\/fn\/([^/]+)(\/.*)?$/.exec(url);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const meter = routed ? meterOf(decodeURIComponent(routed[1]!)) : undefined;
      // Capacity is asked for on the function's behalf and taken out of the answer again, so the function sees what it would have.
      const metered = meter !== undefined && REPORTS_CAPACITY.has(operation) && !body.includes('"ReturnConsumedCapacity"');
      meter?.calls.push(operation);
      if (metered) body = Buffer.from(JSON.stringify({ ...(JSON.parse(body.toString('utf8')) as object), ReturnConsumedCapacity: 'TOTAL' }));
      const headers = { ...req.headers, 'content-length': String(body.length) };
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: routed?.[2] ?? url, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          let reply = Buffer.concat(parts);
          const replyHeaders = { ...answer.headers };
          if (metered && answer.statusCode === 200) {
            const { ConsumedCapacity, ...rest } = JSON.parse(reply.toString('utf8')) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
            for (const c of [ConsumedCapacity ?? []].flat()) meter!.capacity += c.CapacityUnits ?? 0;
            reply = Buffer.from(JSON.stringify(rest));
            replyHeaders['content-length'] = String(reply.length);
            delete replyHeaders['x-amz-crc32'];
          }
          res.writeHead(answer.statusCode ?? 502, replyHeaders).end(reply);
        });
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const endpoint = `http://127.0.0.1:${port}`;
      resolve({ endpoint, endpointFor: (fn) => `${endpoint}/fn/${encodeURIComponent(fn)}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
