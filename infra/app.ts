/** The CDK app: one stack per stage, checked by cdk-nag (AwsSolutions) on every synth. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PortalStack } from './stacks/portal-stack.ts';
import { readStage } from './stage.ts';

export function buildApp(app = new App()) {
  const stage = readStage((key) => app.node.tryGetContext(key));
  // us-east-1: CloudFront's web ACL must live there (docs/adr/0004-deployment-region.md).
  const stack = new PortalStack(app, `ServicePortal-${stage.stage}`, stage, {
    env: { region: 'us-east-1', account: process.env.CDK_DEFAULT_ACCOUNT },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.main) buildApp().app.synth();
