import { useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { GrantView } from '../../../../shared/api/schemas/access.ts';
import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { ROLES, ROLE_PERMISSIONS, PERMISSIONS, type Permission } from '../../../../shared/domain/identity/permissions.ts';
import { call } from '../api.ts';
import { allPeople } from './all-people.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { useLatest } from '../components/useLatest.ts';
import { useSubmission } from '../components/useSubmission.ts';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { peopleText } from '../i18n/people/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { Button, Card, PageHeader } from '../components/ui.tsx';

/** The role definitions (from the shared policy module the API enforces) as a table. */
function RoleTable() {
  const t = useText(commonText, peopleText);
  return (
    <section aria-labelledby="roles" className="mb-8">
      <h2 id="roles" className="mb-3 text-lg font-semibold">
        {t.permissions.roles}
      </h2>
      <TableScroll label={t.permissions.roles}>
        <table className="w-full text-sm">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">
                {t.permissions.permission}
              </th>
              {ROLES.map((r) => (
                <th key={r} scope="col" className="px-3 py-2 text-center">
                  {t.roles[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PERMISSIONS.map((p) => (
              <tr key={p} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1 text-start font-normal">
                  <span className="font-medium">{t.permissionNames[p].name}</span>
                  <span className="block text-xs text-slate-600">{t.permissionNames[p].description}</span>
                </th>
                {ROLES.map((r) => (
                  <td key={r} className="px-3 py-1 text-center">
                    {ROLE_PERMISSIONS[r].includes(p) ? <span aria-label="✓">✓</span> : <span className="sr-only">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Grants() {
  const t = useText(commonText, peopleText);
  const { locale } = useLocale();
  const [people, setPeople] = useState<UserView[]>([]);
  const [userId, setUserId] = useState('');
  const [grants, setGrants] = useState<GrantView[]>([]);
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((f) => (f === 'permission' ? t.permissions.permission : t.permissions.until));
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const person = people.find((p) => p.userId === userId);

  useEffect(() => void allPeople().then(setPeople).catch(setLoadFailure), []);
  const begin = useLatest();
  useEffect(() => {
    const isLatest = begin();
    if (userId)
      call('listGrants', { params: { userId } })
        .then((r) => isLatest() && setGrants(r.items))
        .catch((e: unknown) => isLatest() && setLoadFailure(e));
  }, [begin, userId]);

  function onGrant(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const day = String(data.get('until') ?? '');
    const permission = String(data.get('permission')) as Permission;
    void run(async () => {
      const created = await call('createGrant', {
        params: { userId },
        body: { permission, expiresAt: day ? new Date(`${day}T23:59:59.999`).toISOString() : '' },
      });
      setGrants((all) => [...all.filter((g) => g.permission !== created.permission), created]);
      setNotice(t.permissions.granted);
    });
  }

  const control = 'mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const grantable = person ? PERMISSIONS.filter((p) => !ROLE_PERMISSIONS[person.role].includes(p)) : [];
  return (
    <Card aria-labelledby="grants">
      <h2 id="grants" className="mb-3 text-lg font-semibold">
        {t.permissions.grants}
      </h2>
      <label className="block max-w-sm text-sm font-medium">
        {t.permissions.person}
        <select className={control} value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{t.permissions.choose}</option>
          {people
            .filter((p) => p.status === 'active')
            .map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name} · {t.roles[p.role]}
              </option>
            ))}
        </select>
      </label>
      <div aria-live="polite" className="mt-3">
        {notice && (
          <p role="status" className="text-green-800">
            {notice}
          </p>
        )}
        {(failure ?? loadFailure) !== null && <ErrorNotice error={failure ?? loadFailure} />}
      </div>
      {person && (
        <>
          {grants.length === 0 ? (
            <p className="mt-3 text-slate-600">{t.permissions.none}</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {grants.map((g) => (
                <li key={g.grantId} className="flex items-center gap-3">
                  <span className="font-medium">{t.permissionNames[g.permission].name}</span>
                  <span className="text-sm text-slate-600">
                    {g.active ? format(t.permissions.active, { date: date.format(new Date(g.expiresAt)) }) : t.permissions.expired}
                  </span>
                  <button
                    type="button"
                    disabled={busy}
                    className="text-sm text-red-800 underline"
                    aria-label={`${t.permissions.revoke}: ${t.permissionNames[g.permission].name}`}
                    onClick={() =>
                      void run(async () => {
                        await call('revokeGrant', { params: { userId, grantId: g.grantId } });
                        setGrants((all) => all.filter((x) => x.grantId !== g.grantId));
                      })
                    }
                  >
                    {t.permissions.revoke}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={onGrant} noValidate className="mt-4 grid gap-4 sm:grid-cols-3 sm:items-end">
            <label className="block text-sm font-medium">
              {t.permissions.permission}
              <select name="permission" className={control}>
                {grantable.map((p) => (
                  <option key={p} value={p}>
                    {t.permissionNames[p].name}
                  </option>
                ))}
              </select>
              {errors.permission && <span className="block text-red-700">{errors.permission}</span>}
            </label>
            <label className="block text-sm font-medium">
              {t.permissions.until}
              <input type="date" name="until" required className={control} aria-invalid={Boolean(errors.expiresAt)} />
              {errors.expiresAt && <span className="block text-red-700">{errors.expiresAt}</span>}
            </label>
            <Button type="submit" disabled={busy}>
              {busy ? t.permissions.granting : t.permissions.grant}
            </Button>
          </form>
        </>
      )}
    </Card>
  );
}

type AccessPolicy = ResponseOf<'getAccessPolicy'>;

/** The firm's access rules: whether clients may sign up themselves, and whether two-step sign-in is required. */
function AccessRules() {
  const t = useText(commonText, peopleText);
  const [policy, setPolicy] = useState<AccessPolicy | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, failure, notice, setNotice, run } = useSubmission(() => '');

  useEffect(() => void call('getAccessPolicy').then(setPolicy).catch(setLoadFailure), []);

  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    void run(async () => {
      setPolicy(
        await call('updateAccessPolicy', {
          body: { clientSignUp: data.has('clientSignUp'), requireMfa: data.has('requireMfa'), contactsInvite: data.has('contactsInvite') },
        }),
      );
      setNotice(t.permissions.saved);
    });
  }

  return (
    <Card aria-labelledby="access-rules" className="mb-8">
      <h2 id="access-rules" className="mb-3 text-lg font-semibold">
        {t.permissions.rules}
      </h2>
      {loadFailure !== null && <ErrorNotice error={loadFailure} />}
      {policy && (
        <form onSubmit={onSave} className="space-y-3">
          <div aria-live="polite">
            {failure !== null && <ErrorNotice error={failure} />}
            {notice && (
              <p role="status" className="text-green-800">
                {notice}
              </p>
            )}
          </div>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="clientSignUp" defaultChecked={policy.clientSignUp} className="mt-1" />
            <span>
              {t.permissions.clientSignUp}
              {policy.clientSignUp && (
                <span className="block text-sm text-slate-600">
                  {t.permissions.signUpLink} <code className="break-all">{location.origin + policy.signUpPath}</code>
                </span>
              )}
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="requireMfa" defaultChecked={policy.requireMfa} className="mt-1" />
            <span>
              {t.permissions.requireMfa}
              <span className="block text-sm text-slate-600">{t.permissions.requireMfaHint}</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="contactsInvite" defaultChecked={policy.contactsInvite} className="mt-1" />
            <span>
              {t.permissions.contactsInvite}
              <span className="block text-sm text-slate-600">{t.permissions.contactsInviteHint}</span>
            </span>
          </label>
          <Button type="submit" disabled={busy}>
            {busy ? t.permissions.saving : t.permissions.save}
          </Button>
        </form>
      )}
    </Card>
  );
}

function PermissionsPage() {
  const t = useText(commonText, peopleText);
  return (
    <>
      <PageHeader title={t.permissions.title} />
      <AccessRules />
      <RoleTable />
      <Grants />
    </>
  );
}

mount(() => <Shell area="admin">{() => <PermissionsPage />}</Shell>);
