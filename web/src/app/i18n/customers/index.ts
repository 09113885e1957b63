import { defineText } from '../text.ts';

export const customersText = defineText('customers', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
