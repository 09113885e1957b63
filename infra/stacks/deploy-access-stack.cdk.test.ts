/**
 * The roles GitHub Actions deploys with (ADR 0034): each trusts only this repository's tokens,
 * for the audience AWS asks for, and only in its own GitHub context (a pull request, main, the
 * prod environment); none can do more than take the CDK bootstrap roles and read its stage's stacks.
 */
import { App } from 'aws-cdk-lib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';

const REPOSITORY = 'example-org/service-portal';

function accessTemplate(context: Record<string, string> = {}) {
  const { access } = buildApp(new App({ context: { stage: 'dev', githubRepository: REPOSITORY, ...context } }));
  if (!access) throw new Error('no access stack');
  return Template.fromStack(access);
}

type Statement = { Effect: string; Action: string | string[]; Condition?: Record<string, Record<string, string>>; Principal?: unknown; Resource?: unknown };
type RoleResource = { Properties: { RoleName: string; AssumeRolePolicyDocument: { Statement: Statement[] } } };

const rolesOf = (template: Template) =>
  Object.fromEntries(
    Object.values(template.findResources('AWS::IAM::Role') as Record<string, RoleResource>).map((r) => [
      r.Properties.RoleName,
      r.Properties.AssumeRolePolicyDocument.Statement,
    ]),
  );

describe('the deploy roles’ trust', () => {
  const template = accessTemplate();
  const roles = rolesOf(template);

  it('makes one role per GitHub context, and nothing else may assume them', () => {
    expect(Object.keys(roles).sort()).toEqual(['service-portal-github-dev', 'service-portal-github-diff', 'service-portal-github-prod']);
    for (const statements of Object.values(roles)) {
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' });
    }
  });

  it.each([
    ['service-portal-github-diff', `repo:${REPOSITORY}:pull_request`],
    ['service-portal-github-dev', `repo:${REPOSITORY}:ref:refs/heads/main`],
    ['service-portal-github-prod', `repo:${REPOSITORY}:environment:prod`],
  ])('%s trusts exactly %s, for the STS audience, with exact matching (no wildcards)', (name, subject) => {
    const [statement] = roles[name]!;
    expect(statement!.Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': subject },
    });
  });

  it('trusts GitHub’s issuer as the account’s OIDC provider, for the STS audience', () => {
    const providers = Object.values(template.findResources('AWS::IAM::OIDCProvider')) as { Properties: { Url: string; ClientIdList: string[] } }[];
    expect(providers.map((p) => p.Properties)).toEqual([
      expect.objectContaining({ Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] }),
    ]);
  });

  it('lets prod take the bootstrap roles and read only the prod stacks; the diff role only looks up', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: Statement[] }; Roles: { Ref: string }[] };
    }[];
    const text = (p: (typeof policies)[number]) => JSON.stringify(p.Properties.PolicyDocument);
    const of = (id: string) =>
      policies
        .filter((p) => p.Properties.Roles.some((r) => r.Ref.startsWith(id)))
        .map(text)
        .join();
    expect(of('ProdRole')).toContain('stack/ServicePortal-prod*');
    expect(of('ProdRole')).not.toContain('ServicePortal-dev');
    expect(of('DevRole')).not.toContain('ServicePortal-prod');
    expect(of('DiffRole')).toContain('lookup-role');
    expect(of('DiffRole')).not.toContain('deploy-role');
    for (const p of policies) {
      for (const s of p.Properties.PolicyDocument.Statement) expect([s.Action].flat().every((a) => /^(sts|cloudformation|ssm):/.test(a))).toBe(true);
    }
  });
});

describe('the deploy access stack', () => {
  it('uses the account’s provider when there is one, and makes none', () => {
    const template = accessTemplate({ githubOidcProviderArn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' });
    expect(Object.keys(template.findResources('AWS::IAM::OIDCProvider'))).toEqual([]);
    expect(Object.keys(rolesOf(template))).toHaveLength(3);
  });

  it('passes cfn-lint with no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-access-'));
    try {
      buildApp(new App({ outdir: dir, context: { stage: 'dev', githubRepository: REPOSITORY } })).app.synth();
      const lint = spawnSync('cfn-lint', ['--format', 'parseable', join(dir, 'ServicePortal-DeployAccess.template.json')], { encoding: 'utf8' });
      if (lint.error) return console.warn('cfn-lint is not on this machine: the template was not linted.');
      expect(
        lint.stdout.split('\n').filter((line) => /:E\d+:/.test(line)),
        lint.stderr,
      ).toEqual([]);
      expect(lint.status! & 2).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is made only when a repository is named, and refuses one that is not owner/name', () => {
    expect(buildApp(new App({ context: { stage: 'dev' } })).access).toBeUndefined();
    expect(() => accessTemplate({ githubRepository: 'just-a-name' })).toThrow(/owner\/name/);
  });
});

describe('the deployed commit', () => {
  it('is an output of the stage’s stack, for the workflow to roll back to; only a full commit id (or local) is taken', () => {
    const sha = 'a'.repeat(40);
    const { stack } = buildApp(new App({ context: { stage: 'dev', sourceVersion: sha } }));
    expect(Template.fromStack(stack).findOutputs('SourceVersion')).toEqual({ SourceVersion: { Value: sha } });
    expect(() => buildApp(new App({ context: { stage: 'dev', sourceVersion: 'main' } }))).toThrow(/sourceVersion/);
  });
});
