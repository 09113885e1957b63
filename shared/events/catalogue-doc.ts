/** The event catalogue as a readable page (docs/events.md): each event's producer, consumers and fields. */
import * as z from 'zod/mini';
import { EVENT_TYPES, EVENTS, type EventType } from './catalogue.ts';
import { PORTAL_RULES, typesOf } from './rules.ts';

/** The part of a field's JSON Schema (z.toJSONSchema) that the doc and the sample events read. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(', ');
  if (s.type === 'array') return `list of ${typeOf(s.items ?? {})}`;
  if (s.type === 'object') return `{ ${Object.keys(s.properties ?? {}).join(', ')} }`;
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

/** Who receives an event: each rule that matches its type, with the rule's extra condition if it has one. */
function consumersOf(type: EventType): string[] {
  return PORTAL_RULES.filter((r) => typesOf(r).includes(type)).map((r) => {
    const condition = r.pattern.detail ? ` (when ${JSON.stringify(r.pattern.detail)})` : '';
    return `${r.consumer}${condition}`;
  });
}

export function eventsDocument(): string {
  const lines = [
    '# Domain events',
    '',
    'Generated from `shared/events/catalogue.ts` and `shared/events/rules.ts` by `npm run docs:events`; a unit test fails when it is out of date.',
    'Every event is written to the outbox in the transaction of the change it announces, checked against its schema there, and delivered',
    'by the bus with `tenantId`, `eventId` and `at` added. Consumers receive the detail parsed and typed (`functions/lib/consumer.ts`).',
    '',
  ];
  for (const type of EVENT_TYPES) {
    const { producer, description, detail } = EVENTS[type];
    const schema = z.toJSONSchema(detail, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonSchema>; required?: string[] };
    const consumers = consumersOf(type);
    lines.push(
      `## \`${type}\``,
      '',
      description,
      '',
      `- Producer: ${producer}`,
      `- Consumers: ${consumers.length ? consumers.join('; ') : 'none yet (audit and history only)'}`,
      '',
    );
    lines.push('| field | type | required |', '| --- | --- | --- |');
    for (const [field, property] of Object.entries(schema.properties))
      lines.push(`| \`${field}\` | ${typeOf(property).replace(/\|/g, '\\|')} | ${schema.required?.includes(field) ? 'yes' : 'no'} |`);
    lines.push('');
  }
  return lines.join('\n');
}
