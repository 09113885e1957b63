import { defineText } from '../text.ts';

export const notificationsText = defineText('notifications', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
