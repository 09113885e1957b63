/**
 * What CDK deploys, read back from the synthesized templates: every function of ours with its
 * code asset (the bundle in the cloud assembly), timeout, memory and environment. Values the
 * stack computes at deploy time (a table name, a queue URL, the site's domain) are replaced by
 * the local stand-in's value for that variable; a computed variable with no local value fails
 * here, naming it. Nothing else is added but the local endpoints and the runtime's own
 * variables, so a variable the code reads and CDK does not set is missing locally too.
 */
import { App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../app.ts';
import { FUNCTION_NAME_METADATA } from '../constructs/lambda.ts';
import { tableGrantsOf, type IamStatement, type TableGrant } from './table-access.ts';

export interface DeployedFunction {
  /** The name infra/bundling/lambda.ts gives it, e.g. `api/catalog`. */
  name: string;
  /** The bundle's entry in the cloud assembly (the file uploaded to Lambda). */
  handlerFile: string;
  timeoutSeconds: number;
  memoryMb: number;
  environment: Record<string, string>;
  /** What its role lets it do with the table (infra/local/table-access.ts enforces it). */
  tableGrants: TableGrant[];
}

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}
type Template = { Resources?: Record<string, Resource> };

/** The stage the local stack mirrors: dev's template, with local values for what dev computes. */
const LOCAL_MIRRORS_STAGE = 'dev';

/** Every template of the app: each stack's and each nested stack's. */
function templatesOf(assemblyDir: string, stackTemplates: Template[]): Template[] {
  const nested = stackTemplates.flatMap((t) =>
    Object.values(t.Resources ?? {})
      .filter((r) => r.Type === 'AWS::CloudFormation::Stack' && typeof r.Metadata?.['aws:asset:path'] === 'string')
      .map((r) => JSON.parse(readFileSync(join(assemblyDir, r.Metadata!['aws:asset:path'] as string), 'utf8')) as Template),
  );
  return nested.length ? [...stackTemplates, ...templatesOf(assemblyDir, nested)] : stackTemplates;
}

type PolicyDocument = { Statement: IamStatement[] };

/** The statements of every policy on a role: inline in the role, or attached (CDK's grants) in the same template. */
function roleStatements(template: Template, role: unknown): IamStatement[] {
  const roleId = (role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
  if (!roleId) return [];
  const resources = template.Resources ?? {};
  const inline = ((resources[roleId]?.Properties?.Policies ?? []) as { PolicyDocument: PolicyDocument }[]).flatMap((p) => p.PolicyDocument.Statement);
  const attached = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && ((r.Properties?.Roles ?? []) as { Ref?: string }[]).some((x) => x.Ref === roleId))
    .flatMap((r) => (r.Properties!.PolicyDocument as PolicyDocument).Statement);
  return [...inline, ...attached];
}

function environmentOf(name: string, variables: Record<string, unknown>, localValues: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([key, value]) => {
      if (key === 'STAGE') return [key, 'local'];
      if (typeof value === 'string') return [key, value];
      const local = localValues[key];
      if (local === undefined)
        throw new Error(`${name}: CDK computes ${key} at deploy time (${JSON.stringify(value)}) and the local stack has no value for it.`);
      return [key, local];
    }),
  );
}

/**
 * Synthesizes the app (as `cdk synth` does) into `outdir` and returns its functions. `localValues`
 * gives, by variable name, the local stand-in's value of each deploy-time value.
 */
export function deployedFunctions(outdir: string, localValues: Record<string, string>): DeployedFunction[] {
  // Asset metadata names each function's asset folder, as the CDK CLI asks for it.
  const { app } = buildApp(new App({ outdir, context: { stage: LOCAL_MIRRORS_STAGE, 'aws:cdk:enable-asset-metadata': true } }));
  const assembly = app.synth();
  const templates = templatesOf(
    assembly.directory,
    assembly.stacks.map((s) => s.template as Template),
  );
  return templates.flatMap((template) =>
    Object.values(template.Resources ?? {})
      .filter((r) => r.Type === 'AWS::Lambda::Function' && typeof r.Metadata?.[FUNCTION_NAME_METADATA] === 'string')
      .map((r) => {
        const name = r.Metadata![FUNCTION_NAME_METADATA] as string;
        const props = r.Properties as {
          Handler: string;
          Role: unknown;
          Timeout?: number;
          MemorySize?: number;
          Environment?: { Variables?: Record<string, unknown> };
        };
        const [file, exportName] = props.Handler.split('.');
        if (exportName !== 'handler') throw new Error(`${name}: handler ${props.Handler} is not <file>.handler`);
        return {
          name,
          handlerFile: join(assembly.directory, r.Metadata!['aws:asset:path'] as string, `${file}.mjs`),
          timeoutSeconds: props.Timeout ?? 3,
          memoryMb: props.MemorySize ?? 128,
          environment: environmentOf(name, props.Environment?.Variables ?? {}, localValues),
          tableGrants: tableGrantsOf(roleStatements(template, props.Role)),
        };
      }),
  );
}
