/** A firm's own data for its admins to take (ADR 0038): ask for an export, see the firm's, download one. */
import { FIRM_DATA_OPERATIONS } from '../../../shared/api/operations/firm-data.ts';
import { FIRM_DATA_SCHEMAS } from '../../../shared/api/schemas/firm-data.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler } from '../../lib/http.ts';
import { getFirmExport, listFirmExports, requestFirmExport } from '../firm-exports.ts';

export const handler = contextHandler({
  routes: FIRM_DATA_OPERATIONS,
  schemas: FIRM_DATA_SCHEMAS,
  operations: {
    requestFirmExport: async (req) => ({ status: 202, body: await requestFirmExport(changeContext(req)) }),
    listFirmExports: async (req) => ({ body: { items: await listFirmExports(req.actor.tenantId) } }),
    getFirmExport: async (req) => ({ body: await getFirmExport(req.actor.tenantId, req.params.exportId) }),
  },
  authenticate: actorFromClaims,
});
