import { defineText } from '../text.ts';

export const auditText = defineText('audit', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
