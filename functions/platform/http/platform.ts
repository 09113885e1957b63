import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PLATFORM_SCHEMAS } from '../../../shared/api/schemas/platform.ts';
import { config } from '../../../shared/config.ts';
import { dynamoClient } from '../../../shared/db/client.ts';
import { contextHandler, type ReplyOf } from '../../lib/http.ts';
import { PLATFORM_OPERATIONS } from '../../../shared/api/operations/platform.ts';

/** Built on first request: the document composes every context's schemas, which health checks never need. */
let document: ReplyOf<'getOpenApi'>['body'] | undefined;

export const handler = contextHandler({
  routes: PLATFORM_OPERATIONS,
  schemas: PLATFORM_SCHEMAS,
  operations: {
    getOpenApi: async () => ({ body: (document ??= (await import('../../../shared/api/openapi.ts')).openApiDocument()) }),
    // A keyed read of a key that never exists proves the table answers, without reading data
    // (and without ElectroDB, which this small function does not otherwise need).
    getHealth: async () => {
      const started = Date.now();
      await dynamoClient().send(new GetItemCommand({ TableName: config().TABLE_NAME, Key: { pk: { S: 'health' }, sk: { S: 'health' } } }));
      return { body: { status: 'ok', table: { status: 'ok', latencyMs: Date.now() - started } } };
    },
  },
});
