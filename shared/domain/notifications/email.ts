/**
 * Which notifications also go out by email, and when: a person chooses a digest (each at once,
 * hourly, or daily at 08:00 in their zone) and may switch each kind off. Nobody is emailed about
 * what they saw live in the portal. Similar notices are grouped ("3 new comments on SR-1004").
 */
import { instantOf, wallOf } from '../time/zoned.ts';

/** The kinds that can be emailed; every other notice stays in the bell. */
export const EMAIL_KINDS = [
  'request.submitted',
  'request.assigned',
  'request.status_changed',
  'request.completed',
  'request.commented',
  'task.assigned',
  'request.due_soon',
  'request.overdue',
  'task.due_soon',
  'task.overdue',
  'ticket.created',
  'ticket.assigned',
  'ticket.status_changed',
  'ticket.commented',
  'ticket.unanswered',
  'ticket.overdue',
  'document.quarantined',
  'document.unscannable',
  'document.rejected',
  'document_request.created',
  'document_request.reminded',
  'document_request.fulfilled',
  'document.zip_ready',
  'firm.export_ready',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The kinds that can reach a client (the rest concern staff only). */
const CLIENT_KINDS: readonly EmailKind[] = [
  'request.status_changed',
  'request.completed',
  'request.commented',
  'ticket.created',
  'ticket.status_changed',
  'ticket.commented',
  'document.quarantined',
  'document.unscannable',
  'document.rejected',
  'document_request.created',
  'document_request.reminded',
  'document.zip_ready',
];

/** The kinds only a client gets. */
const CLIENT_ONLY: readonly EmailKind[] = ['request.completed', 'document_request.created', 'document_request.reminded'];

/** The kinds only the firm's admins get (what they alone may ask for). */
const ADMIN_ONLY: readonly EmailKind[] = ['firm.export_ready'];

/** The kinds a person of this role can get, so their settings offer only those. */
export const emailKindsFor = (role: string): EmailKind[] =>
  role === 'CLIENT'
    ? [...CLIENT_KINDS]
    : EMAIL_KINDS.filter((k) => !CLIENT_ONLY.includes(k) && (role === 'ADMIN' || role === 'SUPER_ADMIN' || !ADMIN_ONLY.includes(k)));

export const DIGESTS = ['immediately', 'hourly', 'daily'] as const;
export type Digest = (typeof DIGESTS)[number];

export interface EmailPreferences {
  digest: Digest;
  /** The kinds this person does not want by email. */
  off: EmailKind[];
}

export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = { digest: 'immediately', off: [] };

/** What is stored on a person (a person from before the setting has none). */
export const emailPreferencesOf = (person: { emailDigest?: Digest | undefined; emailOff?: string[] | undefined }): EmailPreferences => ({
  digest: person.emailDigest ?? DEFAULT_EMAIL_PREFERENCES.digest,
  off: (person.emailOff ?? []).filter((k): k is EmailKind => (EMAIL_KINDS as readonly string[]).includes(k)),
});

const isEmailKind = (kind: string): kind is EmailKind => (EMAIL_KINDS as readonly string[]).includes(kind);

const HOUR = 3_600_000;
/** The hour of the morning a daily digest goes out, in the person's zone. */
export const DAILY_DIGEST_HOUR = 8;

/** When the next digest of this kind leaves: the next full hour, or the next 08:00 in the zone. */
export function nextDigestAt(digest: Exclude<Digest, 'immediately'>, now: number, timeZone: string): number {
  if (digest === 'hourly') return Math.floor(now / HOUR) * HOUR + HOUR;
  const today = wallOf(timeZone, now);
  const at = (dayOffset: number) =>
    instantOf(timeZone, { year: today.year, month: today.month, day: today.day + dayOffset, hour: DAILY_DIGEST_HOUR, minute: 0 }, 'compatible')!;
  const morning = at(0);
  return morning > now ? morning : at(1);
}

/** Whether (and when) a notice is emailed: never, now, or with the digest due at an instant. */
export function emailTiming(prefs: EmailPreferences, kind: string, online: boolean, now: number, timeZone: string): 'never' | 'now' | number {
  if (online || !isEmailKind(kind) || prefs.off.includes(kind)) return 'never';
  return prefs.digest === 'immediately' ? 'now' : nextDigestAt(prefs.digest, now, timeZone);
}

export interface Notice {
  kind: string;
  values: Record<string, string>;
  link?: string | undefined;
  createdAt: string;
}

export interface NoticeGroup<N extends Notice = Notice> {
  kind: string;
  /** The newest of the group, whose values the group is told with. */
  latest: N;
  notices: N[];
}

/** Notices of the same kind about the same thing (a request's reference, else its link) as one, newest first. */
export function groupNotices<N extends Notice>(notices: readonly N[]): NoticeGroup<N>[] {
  const groups = new Map<string, NoticeGroup<N>>();
  for (const n of [...notices].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const key = `${n.kind}|${n.values.reference || n.link || n.createdAt}`;
    const group = groups.get(key);
    if (group) group.notices.push(n);
    else groups.set(key, { kind: n.kind, latest: n, notices: [n] });
  }
  return [...groups.values()];
}
