import { describe, expect, it } from 'vitest';
import { CONSUMER_CONTEXTS, CONSUMERS, RULES, typesOf, type Consumer } from '../../shared/events/rules.ts';

const reactionsOf = async (consumer: Consumer): Promise<string[]> => {
  const { handler } = (await import(`../${CONSUMER_CONTEXTS[consumer]}/consumers/${consumer}.ts`)) as { handler: { reactsTo: string[] } };
  return handler.reactsTo;
};

describe('every consumer', () => {
  it.each(CONSUMERS)('%s reacts to each event type its rules send it, and to nothing else', async (consumer) => {
    const routed = new Set(RULES.filter((r) => r.consumer === consumer).flatMap(typesOf));
    expect((await reactionsOf(consumer)).sort()).toEqual([...routed].sort());
  });
});
