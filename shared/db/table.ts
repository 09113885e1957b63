/**
 * The single table's shape. CDK (infra/constructs/data.ts) and the local stack
 * (infra/local) both build the table from this, so they cannot drift apart.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Global secondary indexes; each entity names the access pattern it serves with them. */
export const TABLE_INDEXES = [
  { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
  { name: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk' },
  { name: 'gsi7', partitionKey: 'gsi7pk', sortKey: 'gsi7sk' },
] as const;

/** Epoch-seconds attribute DynamoDB deletes by (reads still filter: DynamoDB Local never expires). */
export const TTL_ATTRIBUTE = 'expiresAt';
