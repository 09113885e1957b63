/** Writes docs/events.md from the event catalogue (`npm run docs:events`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventsDocument } from '../../shared/events/catalogue-doc.ts';

writeFileSync(join(import.meta.dirname, '../../docs/events.md'), eventsDocument());
