/** The website widget for leads (ADR 0033): what a visitor on a firm's own site sends and sees. */
import * as z from 'zod/mini';
import { MAX_MESSAGE_LENGTH } from '../../domain/conversations/conversations.ts';
import { email, personName } from './common.ts';
import type { Schemas } from './types.ts';

/** The visitor's key to their conversation: shown once, kept in their browser. */
const token = z.string().check(z.minLength(20, 'is not a widget token'), z.maxLength(100, 'is not a widget token'));
const clientMessageId = z.string().check(z.minLength(8, 'must be an id of 8 to 64 characters'), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'is not an id'));
const body = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`));

export const widgetMessage = z.object({
  seq: z.number(),
  clientMessageId: z.string(),
  /** `visitor` for the lead's own; staff by name. */
  from: z.string(),
  own: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
});

export const WIDGET_SCHEMAS = {
  /** A visitor starts a conversation: who they are first, then their message. A new one each time, never another's. */
  startWidgetConversation: {
    body: z.object({
      name: personName(120),
      email,
      message: body,
      clientMessageId,
      /** The page of the firm's site it was opened on. */
      page: z.optional(z.string().check(z.maxLength(500))),
    }),
    response: z.object({ conversationId: z.string(), token: z.string(), firm: z.string() }),
  },
  /** Messages after a number the visitor has seen (internal notes never). */
  listWidgetMessages: {
    query: z.object({
      token,
      after: z.optional(z.coerce.number().check(z.int('must be a message number'), z.minimum(0, 'must be a message number'))),
    }),
    response: z.object({ items: z.array(widgetMessage), status: z.string() }),
  },
  sendWidgetMessage: {
    body: z.object({ token, clientMessageId, body }),
    response: widgetMessage,
  },
} satisfies Record<string, Schemas>;
