import { Service, type Entity } from 'electrodb';
import { config } from '../config.ts';
import { dynamoClient } from './client.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any entity shape
type Entities = Record<string, Entity<any, any, any, any>>;

/**
 * A lazily created ElectroDB service over just the entities a function uses: each Lambda
 * bundles only the entity definitions it needs. Every service shares the one table and client.
 */
export function databaseOf<E extends Entities>(entities: E): () => Service<E> {
  let db: Service<E> | undefined;
  return () => (db ??= new Service(entities, { client: dynamoClient(), table: config().TABLE_NAME }));
}
