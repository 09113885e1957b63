import { openApiDocument } from '../../shared/api/openapi.ts';
import { database } from '../../shared/db/service.ts';
import { contextHandler } from '../lib/http.ts';

const document = openApiDocument();

export const handler = contextHandler('platform', {
  getOpenApi: async () => ({ body: document }),
  // A keyed read of a key that never exists: proves the table answers without reading data.
  getHealth: async () => {
    const started = Date.now();
    await database().entities.tenant.get({ tenantId: '__health__' }).go();
    return { body: { status: 'ok', table: { status: 'ok', latencyMs: Date.now() - started } } };
  },
});
