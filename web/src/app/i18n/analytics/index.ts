import { defineText } from '../text.ts';

export const analyticsText = defineText('analytics', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
