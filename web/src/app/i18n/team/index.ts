import { defineText } from '../text.ts';

export const teamText = defineText('team', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
