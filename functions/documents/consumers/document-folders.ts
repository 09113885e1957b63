/** A new customer (or one the migration made) gets the firm's default document folders (../default-folders.ts). */
import { consumerHandler } from '../../lib/consumer.ts';
import { fileDefaultFolders } from '../default-folders.ts';

export const handler = consumerHandler({
  name: 'document-folders',
  idempotency: 'marker',
  reactions: {
    'customer.created': async (d) => ((await fileDefaultFolders(d.tenantId, d.customerId, new Date(d.at))) ? undefined : 'skipped'),
    'customer.migrated': async (d) => ((await fileDefaultFolders(d.tenantId, d.customerId, new Date(d.at))) ? undefined : 'skipped'),
  },
});
