import { Names, NestedStack, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions finding on `scope` and its children, with a reason.
 * `detail` narrows it to one finding, e.g. `Resource::<Table.Arn>/index/*`.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string, detail?: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}${detail ? `[${detail}]` : ''}`, reason });
}

/**
 * How cdk-nag names a resource's `Ref` (no attribute) or attribute in the findings of `user`:
 * `<LogicalId.Arn>` in its own stack; elsewhere, the parameter CDK passes it through to the
 * user's nested stack (`<referenceto…Arn>`, by way of the nested stack's outputs if it lives in one).
 */
export function cfnRef(resource: IConstruct, user: IConstruct, attribute?: string): string {
  const cfn = (resource.node.defaultChild ?? resource) as CfnElement;
  const home = Stack.of(cfn);
  if (home === Stack.of(user)) return `<${home.getLogicalId(cfn)}${attribute ? `.${attribute}` : ''}>`;
  const via = NestedStack.isNestedStack(home) ? `${Names.nodeUniqueId(home.nestedStackResource!.node)}Outputs` : '';
  return `<referenceto${via}${Names.nodeUniqueId(cfn.node)}${attribute ?? 'Ref'}>`;
}

export const arnRef = (resource: IConstruct, user: IConstruct = resource) => cfnRef(resource, user, 'Arn');

export const BASIC_EXECUTION_ROLE = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
