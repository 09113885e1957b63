import { defineText } from '../text.ts';

export const accountText = defineText('account', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
