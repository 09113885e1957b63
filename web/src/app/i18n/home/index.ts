import { defineText } from '../text.ts';

export const homeText = defineText('home', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
