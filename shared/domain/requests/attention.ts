/**
 * What a request asks of its client now: send a draft, answer the firm's last message, or
 * accept completed work. Only the request's own client is asked (colleagues see it, but the
 * firm's question and the acceptance are theirs).
 */
import type { Actor } from '../identity/policy.ts';
import type { RequestStatus } from './workflow.ts';

export const ATTENTION_KINDS = ['submit', 'reply', 'accept'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface AttentionRequest {
  status: RequestStatus;
  clientId: string;
  clientApprovedAt?: string | undefined;
  /** Who wrote the last comment the client sees. */
  lastCommentBy?: 'client' | 'staff' | undefined;
}

export function attentionOf(actor: Pick<Actor, 'role' | 'userId'>, r: AttentionRequest): AttentionKind | undefined {
  if (actor.role !== 'CLIENT' || actor.userId !== r.clientId) return undefined;
  if (r.status === 'draft') return 'submit';
  if (r.status === 'completed') return r.clientApprovedAt ? undefined : 'accept';
  if (r.status === 'cancelled') return undefined;
  return r.lastCommentBy === 'staff' ? 'reply' : undefined;
}
