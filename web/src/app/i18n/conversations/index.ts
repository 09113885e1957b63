import { defineText } from '../text.ts';

export const conversationsText = defineText('conversations', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
