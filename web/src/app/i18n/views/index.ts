import { defineText } from '../text.ts';

export const viewsText = defineText('views', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
