import { defineText } from '../text.ts';

export const platformText = defineText('platform', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
