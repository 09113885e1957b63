import { describe, expect, it } from 'vitest';
import { attentionOf, type AttentionRequest } from './attention.ts';

const client = { role: 'CLIENT' as const, userId: 'u-1' };
const ask = (r: Partial<AttentionRequest>): AttentionRequest => ({ status: 'submitted', clientId: 'u-1', ...r });

describe('attentionOf', () => {
  it('asks the client to send a draft, answer the firm and accept completed work', () => {
    expect(attentionOf(client, ask({ status: 'draft' }))).toBe('submit');
    expect(attentionOf(client, ask({ status: 'in_progress', lastCommentBy: 'staff' }))).toBe('reply');
    expect(attentionOf(client, ask({ status: 'completed' }))).toBe('accept');
  });

  it('asks nothing once the client had the last word, accepted, or the request was cancelled', () => {
    expect(attentionOf(client, ask({ status: 'in_progress', lastCommentBy: 'client' }))).toBeUndefined();
    expect(attentionOf(client, ask({ status: 'assigned' }))).toBeUndefined();
    expect(attentionOf(client, ask({ status: 'completed', clientApprovedAt: '2026-12-01T10:00:00Z', lastCommentBy: 'staff' }))).toBeUndefined();
    expect(attentionOf(client, ask({ status: 'cancelled', lastCommentBy: 'staff' }))).toBeUndefined();
  });

  it('accepting completed work comes before answering a message on it', () => {
    expect(attentionOf(client, ask({ status: 'completed', lastCommentBy: 'staff' }))).toBe('accept');
  });

  it('asks only the request’s own client: not a colleague, not staff', () => {
    expect(attentionOf({ role: 'CLIENT', userId: 'u-2' }, ask({ status: 'completed' }))).toBeUndefined();
    expect(attentionOf({ role: 'ADMIN', userId: 'u-1' }, ask({ status: 'draft' }))).toBeUndefined();
  });
});
