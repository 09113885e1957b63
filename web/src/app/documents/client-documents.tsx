/** A client's documents (`/portal/documents/`): their customer's files they may see, and uploads. */
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { Shell } from '../components/Shell.tsx';
import { PageHeader } from '../components/ui.tsx';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Documents } from './Documents.tsx';

function ClientDocuments({ session }: { session: Session }) {
  const t = useText(documentsText);
  return (
    <>
      <PageHeader title={t.documents.title} lead={t.documents.clientLead} />
      <Documents canUpload={session.permissions.includes('documents.upload')} />
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientDocuments session={session} />}</Shell>);
