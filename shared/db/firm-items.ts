/**
 * Every item of one firm, its partition and those under it (`t#<firm>` and `t#<firm>#…`), a Scan
 * page at a time: for the background work that must see all of a firm (its export, its purge;
 * ADR 0038), never for a request.
 */
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { config } from '../config.ts';
import { dynamoClient } from './client.ts';

export async function* firmItems(tenantId: string): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamoClient().send(
      new ScanCommand({
        TableName: config().TABLE_NAME,
        FilterExpression: 'pk = :firm OR begins_with(pk, :under)',
        ExpressionAttributeValues: { ':firm': { S: `t#${tenantId}` }, ':under': { S: `t#${tenantId}#` } },
        ExclusiveStartKey: start,
      }),
    );
    yield (page.Items ?? []).map((item) => unmarshall(item));
    start = page.LastEvaluatedKey;
  } while (start);
}
