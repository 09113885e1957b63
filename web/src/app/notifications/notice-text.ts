import type { NotificationView } from '../../../../shared/api/schemas/notifications.ts';
import type { Role } from '../../../../shared/domain/identity/permissions.ts';
import type { RequestStatus } from '../../../../shared/domain/requests/workflow.ts';
import type { TaskStatus } from '../../../../shared/domain/tasks/tasks.ts';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { notificationsText } from '../i18n/notifications/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { calendarDate } from '../format.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';

/** A notice in the reader's words ("Mike Chen moved SR-1004 to In progress"), as the bell and the client's home show it. */
export function useNoticeText(): (n: Pick<NotificationView, 'kind' | 'values'>) => string {
  const t = useText(commonText, notificationsText, requestsText, tasksText);
  const { locale } = useLocale();
  return (n) => {
    const values = {
      ...n.values,
      ...(n.values.role && { role: t.roles[n.values.role as Role] ?? n.values.role }),
      ...(n.values.due && { due: calendarDate(n.values.due, locale) }),
      ...(n.values.status && {
        status:
          (n.kind.startsWith('task.')
            ? t.tasks.statuses[n.values.status as TaskStatus]
            : n.kind.startsWith('ticket.')
              ? textFor(t.bell.ticketStatuses, n.values.status)
              : t.requests.statuses[n.values.status as RequestStatus]) ?? n.values.status,
      }),
    };
    return format(textFor(t.bell.kinds, n.kind) ?? n.kind, values);
  };
}
