import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { config } from '../config.ts';

let client: DynamoDBClient | undefined;

/** One client per process; the endpoint is set only for DynamoDB Local. */
export function dynamoClient(): DynamoDBClient {
  const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
  client ??= new DynamoDBClient({ region: AWS_REGION, ...(DYNAMODB_ENDPOINT && { endpoint: DYNAMODB_ENDPOINT }) });
  return client;
}
