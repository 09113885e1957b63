import { defineText } from '../text.ts';

export const settingsText = defineText('settings', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
