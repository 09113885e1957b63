import { Shell } from '../components/Shell.tsx';
import { mount } from '../mount.tsx';
import { AuditLog } from './AuditLog.tsx';

mount(() => <Shell area="admin">{() => <AuditLog />}</Shell>);
