/** Tasks: one Lambda (see ../../shared/api/operations/tasks.ts for the routes). */
import { TASKS_OPERATIONS } from '../../../shared/api/operations/tasks.ts';
import { TASKS_SCHEMAS } from '../../../shared/api/schemas/tasks.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler } from '../../lib/http.ts';
import { assignTask, checkTaskItem, commentOnTask, createTask, deleteTask, updateTask } from '../change.ts';
import { getTask, listTasks } from '../read.ts';

export const handler = contextHandler({
  routes: TASKS_OPERATIONS,
  schemas: TASKS_SCHEMAS,
  operations: {
    createTask,
    listTasks,
    getTask,
    updateTask,
    assignTask,
    checkTaskItem,
    commentOnTask,
    deleteTask,
  },
  authenticate: actorFromClaims,
});
