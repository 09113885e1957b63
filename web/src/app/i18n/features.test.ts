import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../shared/domain/locales.ts';
import type { TextFeature } from './text.ts';

const folders = readdirSync(new URL('.', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureOf = async (folder: string) => Object.values(await import(`./${folder}/index.ts`))[0] as TextFeature<object>;

describe('strings by feature', () => {
  it.each(folders)('%s has one file per language and a feature named after its folder', async (folder) => {
    const files = readdirSync(new URL(`./${folder}/`, import.meta.url)).sort();
    expect(files).toEqual(['index.ts', ...LOCALES.map((locale) => `${locale}.ts`)].sort());
    const feature = await featureOf(folder);
    expect(feature.name).toBe(folder);
    for (const locale of LOCALES) expect(Object.keys((await feature.loaders[locale]()).default)).toEqual(Object.keys((await feature.loaders.en()).default));
  });

  // useText merges the features a component names: a key in two of them would hide one.
  it('no two features share a top-level key', async () => {
    const owners = new Map<string, string[]>();
    for (const folder of folders) {
      for (const key of Object.keys((await (await featureOf(folder)).loaders.en()).default)) owners.set(key, [...(owners.get(key) ?? []), folder]);
    }
    expect([...owners].filter(([, features]) => features.length > 1)).toEqual([]);
  });
});
