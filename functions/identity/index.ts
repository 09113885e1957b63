import { contextHandler } from '../lib/http.ts';
import { login, logout, refresh } from './session.ts';
import { getMe, listUsers } from './users.ts';

export const handler = contextHandler('identity', { login, refresh, logout, getMe, listUsers });
