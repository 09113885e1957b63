import { PASSWORD_RULES } from '../../../../shared/domain/identity/password.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';

/** The policy as a live checklist, so nobody has to guess why a password is refused. */
export function PasswordRules({ password, id }: { password: string; id: string }) {
  const t = useText(signInText);
  return (
    <div id={id} className="mt-2 text-sm">
      <p className="text-slate-600">{t.passwordRules.title}:</p>
      <ul className="mt-1 space-y-0.5">
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={met ? 'text-green-700' : 'text-slate-600'}>
              <span aria-hidden="true">{met ? '✓' : '○'}</span> {t.passwordRules[rule.id]}
              <span className="sr-only"> ({met ? t.passwordRules.met : t.passwordRules.unmet})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
