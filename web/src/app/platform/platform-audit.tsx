/** The platform's audit log: what its operators did to firms. Its entries live in the platform's own tenant, which no firm reads. */
import { AuditLog } from '../audit/AuditLog.tsx';
import { Shell } from '../components/Shell.tsx';
import { mount } from '../mount.tsx';

mount(() => <Shell area="platform">{() => <AuditLog />}</Shell>);
