import { defineText } from '../text.ts';

export const commonText = defineText('common', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
