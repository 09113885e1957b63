/** A client's requests (`/portal/requests/`): all they may see, newest first, and a way to ask for another. */
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { Shell } from '../components/Shell.tsx';
import { PageHeader } from '../components/ui.tsx';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { RequestList } from './RequestList.tsx';

function ClientRequests({ session }: { session: Session }) {
  const t = useText(requestsText);
  return (
    <>
      <PageHeader
        title={t.requests.mine}
        actions={
          session.permissions.includes('service_requests.create') && (
            <a href="/portal/requests/new/" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t.requests.newRequest}
            </a>
          )
        }
      />
      <RequestList area="portal" />
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientRequests session={session} />}</Shell>);
