import { defineText } from '../text.ts';

export const requestsText = defineText('requests', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
