/** The CDK app: one stack per stage, checked by cdk-nag (AwsSolutions) on every synth. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DeployAccessStack } from './stacks/deploy-access-stack.ts';
import { PortalStack } from './stacks/portal-stack.ts';
import { readStage } from './stage.ts';

export function buildApp(app = new App()) {
  const stage = readStage((key) => app.node.tryGetContext(key));
  // us-east-1: CloudFront's web ACL must live there (docs/adr/0004-deployment-region.md).
  const stack = new PortalStack(app, `ServicePortal-${stage.stage}`, stage, {
    env: { region: 'us-east-1', account: process.env.CDK_DEFAULT_ACCOUNT },
  });
  // Once per account, from a workstation (README): the roles GitHub Actions deploys with.
  const repository = app.node.tryGetContext('githubRepository') as string | undefined;
  const access = repository
    ? new DeployAccessStack(app, 'ServicePortal-DeployAccess', {
        repository,
        existingProviderArn: app.node.tryGetContext('githubOidcProviderArn') as string | undefined,
        bootstrapQualifier: app.node.tryGetContext('bootstrapQualifier') as string | undefined,
        env: { region: 'us-east-1', account: process.env.CDK_DEFAULT_ACCOUNT },
      })
    : undefined;
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, access };
}

if (import.meta.main) buildApp().app.synth();
