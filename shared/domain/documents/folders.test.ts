import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLDER_TEMPLATE, folderNameProblem, foldersFromTemplate, templatePathProblem } from './folders.ts';

const idOf = (names: readonly string[]) => names.join('>');

describe('a folder template', () => {
  it('makes each path with its missing parents, the year filled in, parents first', () => {
    const folders = foldersFromTemplate(DEFAULT_FOLDER_TEMPLATE, 2026, '-', idOf);
    expect(folders.map((f) => [f.folderId, f.parentId, f.ancestors, f.internal])).toEqual([
      ['Tax returns', '-', [], false],
      ['Tax returns>2026', 'Tax returns', ['Tax returns'], false],
      ['Payroll', '-', [], false],
      ['Contracts', '-', [], false],
      ['Internal', '-', [], true],
    ]);
  });

  it('makes a folder once however many paths pass through it, and internal spreads down', () => {
    const folders = foldersFromTemplate(
      [{ path: 'Clients/Notes/Calls' }, { path: 'Clients/Notes', internal: true }, { path: 'Clients/Public' }],
      2026,
      '-',
      idOf,
    );
    expect(Object.fromEntries(folders.map((f) => [f.folderId, f.internal]))).toEqual({
      Clients: false,
      'Clients>Notes': true,
      'Clients>Notes>Calls': true,
      'Clients>Public': false,
    });
  });
});

describe('folder names and paths', () => {
  it.each([
    ['', 'must not be empty'],
    ['x'.repeat(101), 'at most 100'],
    [' Tax', 'space'],
    ['a/b', '/'],
    ['..', '. or ..'],
    ['Bad\u0007', 'control'],
  ])('refuses %j', (name, problem) => expect(folderNameProblem(name)).toContain(problem));

  it('takes ordinary names in any script', () => {
    for (const name of ['Tax returns', 'ضرائب 2026', 'वेतन', 'Q1 (Jan–Mar)']) expect(folderNameProblem(name)).toBeUndefined();
  });

  it('checks each name of a path, and its depth', () => {
    expect(templatePathProblem('Tax returns/{year}')).toBeUndefined();
    expect(templatePathProblem('a//b')).toContain('empty');
    expect(templatePathProblem('a/b/c/d/e/f/g')).toContain('6 folders deep');
  });
});
