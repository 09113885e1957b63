/**
 * Response security headers for the site and API. CloudFront's response-headers policy
 * (infra/constructs/web.ts) and the local gateway both use these values.
 */

/**
 * The page's CSP. `uploadOrigins` are where the browser sends documents straight to storage
 * (the documents bucket: presigned POST, ADR 0029); nothing else is reached beyond the site.
 */
export const contentSecurityPolicy = (uploadOrigins: readonly string[] = []) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...uploadOrigins].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');

export const securityHeaders = (uploadOrigins: readonly string[] = []): Readonly<Record<string, string>> => ({
  'content-security-policy': contentSecurityPolicy(uploadOrigins),
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
});

/** The API's answers (no page runs under them) and the site's without uploads. */
export const SECURITY_HEADERS = securityHeaders();
