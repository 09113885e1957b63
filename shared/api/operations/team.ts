/** The team: who is available, and how loaded each member is against their capacity. */
import type { OperationDef } from '../operations.ts';

export const TEAM_OPERATIONS = [
  { operationId: 'listTeamWorkload', method: 'GET', path: '/api/team/workload', context: 'team', access: 'team.view', summary: "Each team member's availability, active requests against capacity, and free share of capacity" },
] as const satisfies readonly OperationDef[];
