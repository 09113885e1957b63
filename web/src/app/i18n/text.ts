/**
 * Strings live by feature (`i18n/<feature>/{en,ar,hi}.ts`, English giving the shape). A page
 * loads the features its code names, in its reader's language only: each feature's `index.ts`
 * registers itself when a component imports it, and `mount` loads every registered feature in
 * one round of requests before the first render. A lazily imported component that brings a new
 * feature suspends until its strings arrive.
 */
import { use } from 'react';
import type { Locale } from '../../../../shared/domain/locales.ts';
import { useLocale } from './index.ts';

export interface TextFeature<T extends object> {
  readonly name: string;
  /** One loader per language: a language missing here, or a key missing in a language, fails tsc. */
  readonly loaders: Record<Locale, () => Promise<{ default: T }>>;
}

export type TextOf<F> = F extends TextFeature<infer T> ? T : never;

/** The strings of several features as one object (a test keeps their top-level keys apart). */
type Merged<F extends readonly unknown[]> = F extends readonly [infer Head, ...infer Rest] ? TextOf<Head> & Merged<Rest> : unknown;

const registered = new Set<TextFeature<object>>();
const loaded = new Map<string, object>();
const loading = new Map<string, Promise<object>>();
const merged = new Map<string, object>();

export function defineText<T extends object>(name: string, loaders: TextFeature<T>['loaders']): TextFeature<T> {
  const feature = { name, loaders };
  registered.add(feature);
  return feature;
}

function load(feature: TextFeature<object>, locale: Locale): Promise<object> {
  const key = `${feature.name}:${locale}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = feature.loaders[locale]().then(({ default: text }) => {
      loaded.set(key, text);
      return text;
    });
    promise.catch(() => loading.delete(key)); // a failed download may be retried
    loading.set(key, promise);
  }
  return promise;
}

/** Loads every feature the page's code has registered so far, in one language. */
export async function loadText(locale: Locale): Promise<void> {
  await Promise.all([...registered].map((feature) => load(feature, locale)));
}

/**
 * The strings of the given features in the reader's language. The result is the same object
 * from render to render (it may sit in an effect's dependencies).
 */
export function useText<F extends TextFeature<object>[]>(...features: F): Merged<F> {
  const { locale } = useLocale();
  const texts = features.map((feature) => loaded.get(`${feature.name}:${locale}`) ?? use(load(feature, locale)));
  const key = `${locale}|${features.map((feature) => feature.name).join()}`;
  let text = merged.get(key);
  if (!text) {
    text = Object.assign({}, ...texts) as object;
    merged.set(key, text);
  }
  return text as Merged<F>;
}
