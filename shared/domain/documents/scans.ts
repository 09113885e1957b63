/**
 * Malware scan results (GuardDuty Malware Protection for S3, or the local ClamAV scanner that
 * speaks its event) and what they make of a document version. Results may arrive twice, late
 * or out of order; folding them in is order-independent, so every order ends the same:
 * - a threat is final: no later clean result releases it;
 * - a clean result is final otherwise: a late failure of an earlier attempt does not undo it;
 * - failures (unsupported, access denied, failed) are counted, and after MAX_SCAN_FAILURES the
 *   version cannot be scanned and is never served.
 */

export const SCAN_RESULTS = ['NO_THREATS_FOUND', 'THREATS_FOUND', 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** The S3 object tag GuardDuty writes, and the value the bucket policy requires for a read. */
export const SCAN_TAG = 'GuardDutyMalwareScanStatus';
export const CLEAN: ScanResult = 'NO_THREATS_FOUND';

/** The event GuardDuty puts on the default bus (and the local scanner on the local one). */
export const SCAN_RESULT_SOURCE = 'aws.guardduty';
export const SCAN_RESULT_DETAIL_TYPE = 'GuardDuty Malware Protection Object Scan Result';

export const MAX_SCAN_FAILURES = 3;

/** What a version's scans have found so far. */
export interface ScanState {
  /** The final result, once there is one. */
  verdict?: 'NO_THREATS_FOUND' | 'THREATS_FOUND';
  /** Attempts that ended without a verdict. */
  failures: number;
  threats?: string[];
}

export const isFailure = (result: ScanResult) => result !== 'NO_THREATS_FOUND' && result !== 'THREATS_FOUND';

/** The state after one more result. */
export function foldScan(state: ScanState, result: ScanResult, threats: string[] = []): ScanState {
  if (result === 'THREATS_FOUND') return { ...state, verdict: 'THREATS_FOUND', threats: [...new Set([...(state.threats ?? []), ...threats])] };
  if (result === 'NO_THREATS_FOUND') return state.verdict ? state : { ...state, verdict: 'NO_THREATS_FOUND' };
  return { ...state, failures: state.failures + 1 };
}

/** `discarded`: an admin removed a held version's file from the quarantine console. */
export const VERSION_STATUSES = ['uploading', 'scanning', 'available', 'quarantined', 'unscannable', 'rejected', 'discarded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Versions the scans hold back, never served: what the quarantine console lists, and what uploader and admins are told of. */
export const HELD_STATUSES = ['quarantined', 'unscannable', 'rejected'] as const satisfies readonly VersionStatus[];

/**
 * A version's status from its scans. A clean file is available only if its content is what its
 * name says (`typeMatches`, read once the scan lets it be read); otherwise it is rejected.
 */
export function statusAfterScans(state: ScanState, typeMatches: boolean | undefined): VersionStatus {
  if (state.verdict === 'THREATS_FOUND') return 'quarantined';
  if (state.verdict === 'NO_THREATS_FOUND') return typeMatches === false ? 'rejected' : typeMatches ? 'available' : 'scanning';
  return state.failures >= MAX_SCAN_FAILURES ? 'unscannable' : 'scanning';
}
