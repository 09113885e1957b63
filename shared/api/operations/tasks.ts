/** Tasks: the pieces a request's work is broken into, and who holds them. */
import type { OperationDef } from '../operations.ts';

export const TASKS_OPERATIONS = [
  { operationId: 'createTask', method: 'POST', path: '/api/tasks', lambda: 'tasks', access: 'tasks.create', success: [201] },
  { operationId: 'listTasks', method: 'GET', path: '/api/tasks', lambda: 'tasks', access: 'tasks.read.assigned' },
  { operationId: 'getTask', method: 'GET', path: '/api/tasks/{taskId}', lambda: 'tasks', access: 'tasks.read.assigned' },
  { operationId: 'updateTask', method: 'PATCH', path: '/api/tasks/{taskId}', lambda: 'tasks', access: 'tasks.update' },
  { operationId: 'assignTask', method: 'POST', path: '/api/tasks/{taskId}/assignee', lambda: 'tasks', access: 'tasks.assign' },
  { operationId: 'checkTaskItem', method: 'PUT', path: '/api/tasks/{taskId}/checklist/{itemId}', lambda: 'tasks', access: 'tasks.update' },
  { operationId: 'commentOnTask', method: 'POST', path: '/api/tasks/{taskId}/comments', lambda: 'tasks', access: 'tasks.read.assigned', success: [201] },
  { operationId: 'deleteTask', method: 'DELETE', path: '/api/tasks/{taskId}', lambda: 'tasks', access: 'tasks.delete' },
] as const satisfies readonly OperationDef[];
