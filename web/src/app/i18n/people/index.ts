import { defineText } from '../text.ts';

export const peopleText = defineText('people', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
