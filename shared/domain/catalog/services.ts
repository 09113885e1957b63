/** A service's life: offered (active), paused (inactive), or kept only for old requests (deprecated). */
export const SERVICE_STATUSES = ['active', 'inactive', 'deprecated'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
