/** The team: who is available, how loaded each member is against their capacity, and who can take a task. */
import type { OperationDef } from '../operations.ts';

export const TEAM_OPERATIONS = [
  { operationId: 'listTeamWorkload', method: 'GET', path: '/api/team/workload', context: 'team', access: 'team.view' },
  { operationId: 'offerTaskAssignees', method: 'GET', path: '/api/task-assignees', context: 'team', access: 'tasks.assign' },
] as const satisfies readonly OperationDef[];
