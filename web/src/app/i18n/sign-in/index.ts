import { defineText } from '../text.ts';

export const signInText = defineText('sign-in', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
