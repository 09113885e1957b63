/**
 * IAM for the table, locally. DynamoDB Local lets anyone do anything, so a function that CDK
 * granted only reads could write in every local run and test and fail in AWS only. Each
 * function's table calls therefore go through a guard that allows what its role's policies (as
 * synthesized) allow: the actions, and the `dynamodb:LeadingKeys` condition where there is one.
 * A call they do not allow is refused as AWS refuses it, with an AccessDeniedException.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TABLE_KEYS } from '../../shared/db/table.ts';

/** One Allow statement's DynamoDB part: its actions and, when conditioned, the partitions it is limited to. */
export interface TableGrant {
  actions: string[];
  leadingKeys?: string[];
}

export type IamStatement = { Effect?: string; Action?: string | string[]; Condition?: Record<string, Record<string, string | string[]>> };

/** The table grants among a role's policy statements (this stack has one table). */
export function tableGrantsOf(statements: IamStatement[]): TableGrant[] {
  return statements.flatMap((s) => {
    const actions = [s.Action ?? []].flat().filter((a) => a.startsWith('dynamodb:'));
    if (s.Effect !== 'Allow' || !actions.length) return [];
    const leadingKeys = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
    return [{ actions, ...(leadingKeys && { leadingKeys: [leadingKeys].flat() }) }];
  });
}

type Value = Record<string, { S?: string }> | undefined;
const partitionOf = (keyOrItem: Value) => keyOrItem?.[TABLE_KEYS.partitionKey]?.S;

/** The actions (each with the partition it touches, where the call names one) a call needs, as IAM evaluates it. */
// A DynamoDB request body, as much of it as the guard reads.
type Call = {
  Key?: Value;
  Item?: Value;
  RequestItems?: Record<string, unknown>;
  TransactItems?: Record<string, { Key?: Value; Item?: Value }>[];
};

function neededFor(operation: string, body: Call): { action: string; partition?: string | undefined }[] {
  switch (operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [{ action: operation, partition: partitionOf(body.Key) }];
    case 'PutItem':
      return [{ action: operation, partition: partitionOf(body.Item) }];
    case 'BatchGetItem':
      return Object.values((body.RequestItems ?? {}) as Record<string, { Keys: Value[] }>).flatMap((r) =>
        r.Keys.map((k) => ({ action: operation, partition: partitionOf(k) })),
      );
    case 'BatchWriteItem':
      return Object.values((body.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: Value }; DeleteRequest?: { Key: Value } }[]>).flatMap((writes) =>
        writes.map((w) => ({ action: operation, partition: partitionOf(w.PutRequest?.Item ?? w.DeleteRequest?.Key) })),
      );
    case 'TransactGetItems':
      return (body.TransactItems ?? []).map((t) => ({ action: 'GetItem', partition: partitionOf(t.Get?.Key) }));
    case 'TransactWriteItems':
      return (body.TransactItems ?? []).map((t) => {
        const [kind, part] = Object.entries(t)[0]!;
        const action = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' }[kind] ?? kind;
        return { action, partition: partitionOf(part.Key ?? part.Item) };
      });
    default:
      // Query, Scan, DescribeTable…: no partition the guard reads (a conditioned grant does not cover them).
      return [{ action: operation }];
  }
}

const likePattern = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

/** Why the grants refuse the call, or undefined when they allow it. */
export function refusal(grants: TableGrant[], operation: string, body: Call): string | undefined {
  for (const { action, partition } of neededFor(operation, body)) {
    const allowed = grants.some(
      (g) =>
        g.actions.includes(`dynamodb:${action}`) &&
        (!g.leadingKeys || (partition !== undefined && g.leadingKeys.some((pattern) => likePattern(pattern).test(partition)))),
    );
    if (!allowed) return `not authorized to perform: dynamodb:${action}${partition ? ` on partition ${partition}` : ''}`;
  }
  return undefined;
}

/** A guard in front of DynamoDB Local for one set of grants: its endpoint takes the function's table calls. */
export async function startTableGuard(
  dynamoEndpoint: string,
  grants: TableGrant[],
  onRefused: (why: string) => void,
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const target = new URL(dynamoEndpoint);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      let why: string | undefined;
      try {
        why = refusal(grants, operation, body.length ? (JSON.parse(body.toString('utf8')) as Call) : {});
      } catch {
        why = undefined; // not JSON: DynamoDB Local answers it as DynamoDB would
      }
      if (why) {
        onRefused(`${operation}: ${why}`);
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'AccessDeniedException' });
        return res.end(JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', Message: `The function is ${why}` }));
      }
      forward(target, req.method ?? 'POST', req.url ?? '/', req.headers, body).then(
        (answer) => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function forward(target: URL, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const out = request({ host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}
