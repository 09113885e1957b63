/**
 * The environment a command-line tool gives the platform's code: a deployed stage's, read from
 * its stack outputs with the shell's AWS credentials, or the running local stack's.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { readFileSync } from 'node:fs';

/** CloudFront's web ACL keeps every stage in us-east-1 (ADR 0004). */
const REGION = 'us-east-1';

/** The variables the platform's code reads, from the stage's stack outputs (in the shell's region for S3 too). */
export async function stageEnvironment(stage: string): Promise<Record<string, string>> {
  const cloudFormation = new CloudFormationClient({ region: REGION });
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: `ServicePortal-${stage}` }));
  const outputs = Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const missing = ['TableName', 'UserPoolId', 'UserPoolClientId', 'PortalUrl', 'DocumentsBucket'].filter((key) => !outputs[key]);
  if (missing.length) throw new Error(`The stack ServicePortal-${stage} has no output ${missing.join(', ')}: deploy this release first.`);
  return {
    STAGE: stage,
    AWS_REGION: REGION,
    TABLE_NAME: outputs.TableName!,
    USER_POOL_ID: outputs.UserPoolId!,
    USER_POOL_CLIENT_ID: outputs.UserPoolClientId!,
    JWT_ISSUER: `https://cognito-idp.${REGION}.amazonaws.com/${outputs.UserPoolId}`,
    PUBLIC_URL: outputs.PortalUrl!,
    DOCUMENTS_BUCKET: outputs.DocumentsBucket!,
  };
}

export function localEnvironment(file: string): Record<string, string> {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> }).env;
  } catch {
    throw new Error(`No running local stack at ${file}: start it with \`npm start\` in another terminal.`);
  }
}
