import { defineText } from '../text.ts';

export const documentsText = defineText('documents', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
