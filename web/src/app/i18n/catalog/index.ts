import { defineText } from '../text.ts';

export const catalogText = defineText('catalog', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
