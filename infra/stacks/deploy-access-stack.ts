import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Effect, OidcProviderNative, OpenIdConnectPrincipal, PolicyStatement, Role, type IOidcProvider } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../constructs/nag.ts';

/** GitHub's token issuer, and the audience `aws-actions/configure-aws-credentials` asks for. */
export const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
const AUDIENCE = 'sts.amazonaws.com';

export interface DeployAccessProps extends StackProps {
  /** `owner/name` of the one repository whose workflows may act here. */
  repository: string;
  /** An account has one provider per issuer: the ARN of one already there, to use instead of making it. */
  existingProviderArn?: string | undefined;
  /** The CDK bootstrap's qualifier (`cdk bootstrap --qualifier`); CDK's default otherwise. */
  bootstrapQualifier?: string | undefined;
}

/**
 * Who may deploy from GitHub Actions, with no long-lived keys (ADR 0034): the account's OIDC
 * provider for GitHub, and one role per job kind, each trusting only this repository and only
 * the one GitHub context it is for (the token's `sub`):
 * - `diff`: pull requests, to read what a change would deploy;
 * - `dev`: pushes to main;
 * - `prod`: jobs of the `prod` environment, which GitHub lets run only from main and only after
 *   a reviewer approves (its protection rules, set once: README).
 * The roles do nothing themselves but take the CDK bootstrap roles (which hold the deploy
 * rights) and read the portal stacks' outputs, for the smoke test's URL.
 */
export class DeployAccessStack extends Stack {
  readonly roles: Record<'diff' | 'dev' | 'prod', Role>;

  constructor(scope: Construct, id: string, props: DeployAccessProps) {
    super(scope, id, props);
    if (!/^[\w.-]+\/[\w.-]+$/.test(props.repository)) throw new Error(`githubRepository must be owner/name, not "${props.repository}"`);
    const provider: IOidcProvider = props.existingProviderArn
      ? OidcProviderNative.fromOidcProviderArn(this, 'GitHub', props.existingProviderArn)
      : new OidcProviderNative(this, 'GitHub', { url: `https://${GITHUB_ISSUER}`, clientIds: [AUDIENCE] });

    const qualifier = props.bootstrapQualifier ?? 'hnb659fds';
    const role = (name: 'diff' | 'dev' | 'prod', subject: string, bootstrapRoles: string[], stacks: string[]) => {
      const made = new Role(this, `${name[0]!.toUpperCase()}${name.slice(1)}Role`, {
        roleName: `service-portal-github-${name}`,
        description: `GitHub Actions (${props.repository}, ${subject}): ${name === 'diff' ? 'cdk diff' : `deploys the ${name} stage`}`,
        maxSessionDuration: Duration.hours(1),
        assumedBy: new OpenIdConnectPrincipal(provider, {
          StringEquals: { [`${GITHUB_ISSUER}:aud`]: AUDIENCE, [`${GITHUB_ISSUER}:sub`]: `repo:${props.repository}:${subject}` },
        }),
      });
      made.addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: bootstrapRoles.map(
            (kind) => `arn:${this.partition}:iam::${this.account}:role/cdk-${qualifier}-${kind}-role-${this.account}-${this.region}`,
          ),
        }),
      );
      made.addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          // The stage's stack and its nested stacks (named after it).
          actions: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate', 'cloudformation:ListStackResources'],
          resources: stacks.map((stack) => `arn:${this.partition}:cloudformation:${this.region}:${this.account}:stack/${stack}*/*`),
        }),
      );
      // Which bootstrap the account has: cdk checks it before it diffs or deploys.
      made.addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['ssm:GetParameter'],
          resources: [`arn:${this.partition}:ssm:${this.region}:${this.account}:parameter/cdk-bootstrap/${qualifier}/version`],
        }),
      );
      for (const stack of stacks)
        acknowledge(
          made,
          'IAM5',
          'A stack’s ARN ends in the id CloudFormation gave it; the name prefix is the stage’s root stack and its nested stacks, and only reads are allowed.',
          `Resource::arn:<AWS::Partition>:cloudformation:${this.region}:<AWS::AccountId>:stack/${stack}*/*`,
        );
      new CfnOutput(this, `${made.node.id}Arn`, { value: made.roleArn });
      return made;
    };
    const deploying = ['deploy', 'file-publishing', 'image-publishing', 'lookup'];
    this.roles = {
      diff: role('diff', 'pull_request', ['lookup'], ['ServicePortal-dev']),
      dev: role('dev', 'ref:refs/heads/main', deploying, ['ServicePortal-dev']),
      prod: role('prod', 'environment:prod', deploying, ['ServicePortal-prod']),
    };
  }
}
