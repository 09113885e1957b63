import { describe, expect, it } from 'vitest';
import { refusal, tableGrantsOf } from './table-access.ts';

const READ = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const grants = tableGrantsOf([
  { Effect: 'Allow', Action: READ },
  { Effect: 'Allow', Action: 'dynamodb:UpdateItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['t#*#usage'] } } },
  { Effect: 'Allow', Action: ['s3:GetObject'] },
  { Effect: 'Deny', Action: 'dynamodb:PutItem' },
]);
const key = (pk: string) => ({ pk: { S: pk }, sk: { S: 'x' } });

describe('the table’s IAM, locally', () => {
  it('reads the DynamoDB part of a role’s Allow statements, with their LeadingKeys condition', () => {
    expect(grants).toEqual([{ actions: READ }, { actions: ['dynamodb:UpdateItem'], leadingKeys: ['t#*#usage'] }]);
  });

  it('allows what the grants allow', () => {
    expect(refusal(grants, 'GetItem', { Key: key('t#a#user#1') })).toBeUndefined();
    expect(refusal(grants, 'Query', {})).toBeUndefined();
    expect(refusal(grants, 'TransactGetItems', { TransactItems: [{ Get: { Key: key('t#a') } }] })).toBeUndefined();
    expect(refusal(grants, 'UpdateItem', { Key: key('t#acme#usage') })).toBeUndefined();
  });

  it('refuses a write a read-only role was never granted, alone or in a transaction or batch', () => {
    expect(refusal(grants, 'PutItem', { Item: key('t#a#export#1') })).toMatch(/dynamodb:PutItem/);
    expect(refusal(grants, 'DeleteItem', { Key: key('t#a#export#1') })).toMatch(/dynamodb:DeleteItem/);
    expect(refusal(grants, 'TransactWriteItems', { TransactItems: [{ ConditionCheck: { Key: key('t#a') } }, { Put: { Item: key('t#a#audit') } }] })).toMatch(
      /dynamodb:PutItem on partition t#a#audit/,
    );
    expect(refusal(grants, 'BatchWriteItem', { RequestItems: { table: [{ PutRequest: { Item: key('t#a#usage') } }] } })).toMatch(/BatchWriteItem/);
  });

  it('holds a conditioned grant to its partitions, and to calls that name one', () => {
    expect(refusal(grants, 'UpdateItem', { Key: key('t#a#user#1') })).toMatch(/UpdateItem on partition t#a#user#1/);
    expect(refusal(grants, 'UpdateItem', { Key: key('t#a#usage#x') })).toBeDefined();
    expect(refusal(grants, 'TransactWriteItems', { TransactItems: [{ Update: { Key: key('t#a#usage') } }, { Update: { Key: key('t#a') } }] })).toBeDefined();
    expect(refusal([{ actions: ['dynamodb:Query'], leadingKeys: ['t#a'] }], 'Query', {})).toBeDefined();
  });
});
