/**
 * The cold-start benchmark's yardstick: a handler that imports only the DynamoDB document
 * client (which the Lambda runtime provides) and reads one item. Every function's cold start
 * is reported as a ratio to this one, measured in the same run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...(process.env.DYNAMODB_ENDPOINT && { endpoint: process.env.DYNAMODB_ENDPOINT }) }));

export async function handler(): Promise<{ statusCode: number }> {
  await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'reference', sk: 'reference' } }));
  return { statusCode: 200 };
}
