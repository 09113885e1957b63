/** A customer's 360° page: figures, details, contacts, requests and bookings, activity. */
import { lazy, Suspense, useCallback, useState } from 'react';
import type { CustomerDetail } from '../../../../shared/api/schemas/customers.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { money } from '../format.ts';
import { Shell } from '../components/Shell.tsx';
import { Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { Card, PageHeader, StatusChip } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { useLocale } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { RequestList } from '../requests/RequestList.tsx';
import { Appointments } from './Appointments.tsx';

import { Contacts } from './Contacts.tsx';
import { CustomerForm, type StaffOption } from './CustomerForm.tsx';
import { areaOfPage } from './links.ts';
import { MergeCustomer } from './MergeCustomer.tsx';
import { Timeline } from './Timeline.tsx';

// Below the fold, and with its uploader: loaded when the page has shown the rest.
const Documents = lazy(() => import('../documents/Documents.tsx').then((m) => ({ default: m.Documents })));
const DocumentRequests = lazy(() => import('../documents/DocumentRequests.tsx').then((m) => ({ default: m.DocumentRequests })));

const area = areaOfPage();
const customerId = new URLSearchParams(location.search).get('id') ?? '';

function Figures({ kpis }: { kpis: CustomerDetail['kpis'] }) {
  const t = useText(customersText);
  const { locale } = useLocale();
  const k = t.client.kpis;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const figures: [string, string][] = [
    [k.openRequests, String(kpis.openRequests)],
    [k.revenue, money(kpis.revenue, kpis.currency, locale)],
    [k.bookingsThisQuarter, String(kpis.bookingsThisQuarter)],
    [k.noShowRate, kpis.noShowRate === null ? k.noRate : percent.format(kpis.noShowRate)],
  ];
  return (
    <section aria-label={k.title} className="mb-8">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-4 shadow">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ClientPage({ session }: { session: Session }) {
  const t = useText(customersText);
  // Each change (details, a contact, an invitation, a merge) shows the page, and its activity, as they are now.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const { show } = useLoad(
    useCallback(() => Promise.all([call('getCustomer', { params: { customerId } }), call('listTeamWorkload').then((r): StaffOption[] => r.items)]), [version]),
  );
  const manage = session.permissions.includes('customers.manage');
  return show(([customer, staff]) => (
    <>
      <p className="mb-2">
        <a href={`/${area}/clients/`} className="text-sm text-brand-700 underline">
          {t.client.back}
        </a>
      </p>
      <PageHeader
        title={customer.name}
        lead={
          <>
            <StatusChip status={customer.status}>{t.clients.statuses[customer.status]}</StatusChip> {t.clients.kinds[customer.kind]}
            {customer.industry && ` · ${customer.industry}`}
          </>
        }
      />
      <Figures kpis={customer.kpis} />
      <Contacts customerId={customerId} contacts={customer.contacts} manage={manage} onChanged={changed} />
      <section aria-labelledby="requests-title" className="mb-8">
        <h2 id="requests-title" className="mb-4 text-lg font-semibold">
          {t.client.requests.title}
        </h2>
        <RequestList area={area} customerId={customerId} />
      </section>
      <Appointments area={area} customerId={customerId} />
      <section aria-labelledby="document-requests-title" className="mb-8">
        <h2 id="document-requests-title" className="mb-4 text-lg font-semibold">
          {t.client.documentRequestsTitle}
        </h2>
        <Suspense fallback={<Loading />}>
          <DocumentRequests customerId={customerId} canAsk={session.permissions.includes('documents.organise')} />
        </Suspense>
      </section>
      <section aria-labelledby="documents-title" className="mb-8">
        <h2 id="documents-title" className="mb-4 text-lg font-semibold">
          {t.client.documentsTitle}
        </h2>
        <Suspense fallback={<Loading />}>
          <Documents
            customerId={customerId}
            canUpload={session.permissions.includes('documents.upload')}
            canOrganise={session.permissions.includes('documents.organise')}
          />
        </Suspense>
      </section>
      <Card aria-labelledby="details-title" className="mb-8">
        <h2 id="details-title" className="mb-4 text-lg font-semibold">
          {t.client.details.title}
        </h2>
        {manage ? (
          <CustomerForm key={customer.version} initial={customer} staff={staff} onSaved={changed} />
        ) : (
          <dl className="grid gap-2 sm:grid-cols-2">
            <dt className="font-medium">{t.clients.accountManager}</dt>
            <dd>{staff.find((s) => s.userId === customer.accountManagerId)?.name ?? t.clients.nobody}</dd>
            <dt className="font-medium">{t.clients.tags}</dt>
            <dd>{customer.tags.join(', ') || '—'}</dd>
            <dt className="font-medium">{t.clients.notes}</dt>
            <dd className="whitespace-pre-line">{customer.notes ?? '—'}</dd>
          </dl>
        )}
      </Card>
      <Timeline customerId={customerId} version={version} />
      {manage && <MergeCustomer into={customer} onMerged={changed} />}
    </>
  ));
}

mount(() => <Shell area={area}>{(session) => <ClientPage session={session} />}</Shell>);
