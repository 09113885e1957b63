import { defineText } from '../text.ts';

export const ticketsText = defineText('tickets', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
