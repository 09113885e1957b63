import { defineText } from '../text.ts';

export const tasksText = defineText('tasks', { en: () => import('./en.ts'), ar: () => import('./ar.ts'), hi: () => import('./hi.ts') });
