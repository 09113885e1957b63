import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { format } from '../i18n/index.ts';
import type { requestsText } from '../i18n/requests/index.ts';
import type { TextOf } from '../i18n/text.ts';

type Detail = Pick<ResponseOf<'getRequest'>, 'nextStep' | 'status' | 'clientName' | 'assigneeName'>;

/** "Waiting for Mike Chen to start", "Waiting for you to approve the work": who acts next, in the reader's words. */
export function nextStepText(request: Detail, t: TextOf<typeof requestsText>): string {
  const words = t.requests.nextStep;
  const step = request.nextStep;
  if (!step) return request.status === 'cancelled' ? words.cancelled : words.done;
  if (step.you) return words.you[step.action];
  const name = step.by === 'client' ? request.clientName : step.by === 'assignee' ? request.assigneeName : undefined;
  if (name && step.action in words.named) return format(words.named[step.action as keyof typeof words.named], { name });
  return words.firm[step.action === 'review' ? 'review' : 'assign'];
}
