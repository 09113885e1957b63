import { defineText } from '../text.ts';

export const firmsText = defineText('firms', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
