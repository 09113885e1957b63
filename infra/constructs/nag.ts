import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions finding on `scope` and its children, with a reason.
 * `detail` narrows it to one finding, e.g. `Resource::<Table.Arn>/index/*`.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string, detail?: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}${detail ? `[${detail}]` : ''}`, reason });
}

/** How cdk-nag names a resource's ARN in findings: `<LogicalId.Arn>`. */
export function arnRef(resource: IConstruct): string {
  return `<${Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;
}

export const BASIC_EXECUTION_ROLE = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
