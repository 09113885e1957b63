/** Reads a calendar invite with an independent reader (Debian's python3-icalendar; .ci/run installs it). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Every way the file breaks RFC 5545 (infra/local/check-ics.py); empty when it conforms. */
export const rfc5545Problems = (ics: string): string[] =>
  JSON.parse(execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'check-ics.py')], { input: ics }).toString()) as string[];
