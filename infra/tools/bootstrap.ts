/**
 * `npm run bootstrap`: the first platform operator, or a firm with its first admin, on a
 * deployed stage, read from the stage's stack outputs with the AWS credentials of the shell
 * (or, with `--local`, on the running local stack). Idempotent: run it again and what exists is
 * reported and left alone. The invitation emails go out through the stage itself (ADR 0035).
 *
 *   npm run bootstrap -- --stage dev --admin you@example.com --name "Your Name"
 *   npm run bootstrap -- --stage dev --firm "Acme Accounting" --slug acme --admin you@acme.com \
 *     --name "Ada Acme" [--time-zone Europe/London] [--currency GBP] [--locale en] [--languages en,ar]
 */
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localEnvironment, stageEnvironment } from './stage-env.ts';

const USAGE = `Usage:
  npm run bootstrap -- --stage <dev|prod> --admin <email> [--name <name>]
      the platform's first operator (SUPER_ADMIN), who manages firms at /platform/
  npm run bootstrap -- --stage <dev|prod> --firm <name> --slug <address> --admin <email> [--name <name>]
      [--time-zone <zone>] [--currency <code>] [--locale <en|ar|hi>] [--languages <en,ar,hi>]
      a firm and its first admin; --locale is its default language, --languages the ones it offers (all, if not given)
  --local [file] instead of --stage: the running \`npm start\` stack (.local/stack.json)`;

/** The option a field of the firm's input comes from, where their names differ. */
const OPTION_OF: Record<string, string> = { 'admin.email': 'admin', 'admin.name': 'name', timeZone: 'time-zone' };

export async function main(argv: string[]): Promise<number> {
  const { values: o } = parseArgs({
    args: argv,
    options: {
      stage: { type: 'string' },
      local: { type: 'string' },
      admin: { type: 'string' },
      name: { type: 'string' },
      firm: { type: 'string' },
      slug: { type: 'string' },
      'time-zone': { type: 'string', default: 'UTC' },
      currency: { type: 'string', default: 'USD' },
      locale: { type: 'string', default: 'en' },
      languages: { type: 'string' },
    },
  });
  if (!o.admin || !(o.stage || o.local !== undefined) || (o.firm === undefined) !== (o.slug === undefined)) {
    console.error(USAGE);
    return 2;
  }
  const env = o.stage ? await stageEnvironment(o.stage) : localEnvironment(o.local || join(resolve(import.meta.dirname, '../..'), '.local', 'stack.json'));
  Object.assign(process.env, env);
  // Only now: the platform's code reads its configuration from the environment just set.
  const { createFirmInput } = await import('../../shared/api/schemas/firms.ts');
  const { email } = await import('../../shared/api/schemas/common.ts');
  const { ensureFirm, ensureOperator } = await import('../../functions/platform/bootstrap.ts');
  const { PLATFORM_TENANT_ID } = await import('../../shared/domain/platform/firms.ts');
  const ctx = { tenantId: PLATFORM_TENANT_ID, actorId: 'bootstrap', actorName: `npm run bootstrap (${userInfo().username})`, actorRole: 'SUPER_ADMIN' };
  const name = o.name ?? o.admin.split('@')[0]!;
  let outcome;
  if (o.firm !== undefined) {
    const input = createFirmInput.safeParse({
      name: o.firm,
      slug: o.slug,
      timeZone: o['time-zone'],
      currency: o.currency,
      locale: o.locale,
      ...(o.languages !== undefined && { languages: o.languages.split(',').map((l) => l.trim()) }),
      admin: { name, email: o.admin },
    });
    if (!input.success) {
      console.error(input.error.issues.map((i) => `--${OPTION_OF[i.path.slice(0, 2).join('.')] ?? String(i.path[0])}: ${i.message}`).join('\n'));
      return 2;
    }
    outcome = await ensureFirm(input.data, ctx);
  } else {
    const address = email.safeParse(o.admin);
    if (!address.success) {
      console.error(`--admin: ${address.error.issues[0]!.message}`);
      return 2;
    }
    outcome = await ensureOperator({ email: address.data, name }, ctx);
  }
  const where = outcome.tenantId === PLATFORM_TENANT_ID ? 'the platform' : outcome.tenantId;
  console.log(
    outcome.made
      ? `Made ${outcome.email} the first admin of ${where}: an invitation is on its way.`
      : `${outcome.email} is already in ${where} (${outcome.status}): nothing to do.`,
  );
  return 0;
}

if (import.meta.main)
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  });
