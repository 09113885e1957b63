import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
const callersOf = (name: string) =>
  sources(join(root, 'functions'))
    .filter((file) => new RegExp(`\\b${name}\\(`).test(readFileSync(file, 'utf8').replace(new RegExp(`function ${name}\\(`, 'g'), '')))
    .map((file) => relative(root, file))
    .sort();

describe('password checks', () => {
  it('reach Cognito only through sign-in and the guarded step-up', () => {
    // startSignIn is the one check of a password against Cognito.
    expect(callersOf('startSignIn')).toEqual(['functions/identity/cognito.ts', 'functions/identity/session.ts', 'functions/identity/step-up.ts']);
    // In cognito.ts, only passwordSignIn calls it: it signs in with a password the person has just chosen.
    expect(callersOf('passwordSignIn')).toEqual(['functions/identity/accept-invitation.ts']);
  });
});
