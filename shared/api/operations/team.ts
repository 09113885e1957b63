/** The team: who is available, how loaded each member is against their capacity, and who can take a task. */
import type { OperationDef } from '../operations.ts';

export const TEAM_OPERATIONS = [
  { operationId: 'listTeamWorkload', method: 'GET', path: '/api/team/workload', lambda: 'team', access: 'team.view' },
  { operationId: 'offerTaskAssignees', method: 'GET', path: '/api/task-assignees', lambda: 'team', access: 'tasks.assign' },
  { operationId: 'rankRequestAssignees', method: 'GET', path: '/api/team/request-candidates', lambda: 'team', access: 'service_requests.assign' },
  { operationId: 'getBookingProfile', method: 'GET', path: '/api/team/{userId}/booking-profile', lambda: 'team', access: 'signed-in' },
  { operationId: 'updateBookingProfile', method: 'PUT', path: '/api/team/{userId}/booking-profile', lambda: 'team', access: 'signed-in' },
  { operationId: 'listAssignmentHistory', method: 'GET', path: '/api/team/{userId}/assignments', lambda: 'team', access: 'team.view' },
] as const satisfies readonly OperationDef[];
