import { defineText } from '../text.ts';

export const bookingsText = defineText('bookings', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
