/**
 * The bounded contexts: each is a folder `functions/<context>/` holding its routes (`http/`),
 * its event handlers (`consumers/`), its schedules (`jobs/`) and its own data access. Which
 * Lambda runs what is said where the Lambda is declared (the operation manifest, the event
 * rules, the schedules), each naming its context; the bundler finds the entry from that.
 * WebSocket entries sit in `ws/` of the context that owns live updates (notifications).
 */
export const BOUNDED_CONTEXTS = [
  'analytics',
  'audit',
  'bookings',
  'catalog',
  'conversations',
  'customers',
  'documents',
  'identity',
  'notifications',
  'platform',
  'requests',
  'tasks',
  'team',
  'views',
] as const;
export type BoundedContext = (typeof BOUNDED_CONTEXTS)[number];
