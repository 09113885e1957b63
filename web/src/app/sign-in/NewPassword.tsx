import { passwordProblem } from '../../../../shared/domain/identity/password.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText, type TextOf } from '../i18n/text.ts';
import { Field } from '../components/Field.tsx';
import { PasswordRules } from './PasswordRules.tsx';

/** A new password and its repetition, with the policy shown as a live checklist. */
export function NewPasswordFields({ password, onPassword, errors }: { password: string; onPassword: (p: string) => void; errors: Record<string, string> }) {
  const t = useText(signInText);
  return (
    <>
      <Field
        label={t.accept.password}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={errors.password}
        hint={(id) => <PasswordRules id={id} password={password} />}
      />
      <Field label={t.accept.confirm} name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
    </>
  );
}

/** What is wrong before asking the server: the policy first, then the repetition. */
export function newPasswordErrors(password: string, form: HTMLFormElement, t: TextOf<typeof signInText>): Record<string, string> {
  if (passwordProblem(password)) return { password: t.accept.weak };
  if (String(new FormData(form).get('confirm') ?? '') !== password) return { confirm: t.accept.mismatch };
  return {};
}
