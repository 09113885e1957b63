import type * as CognitoSdk from '@aws-sdk/client-cognito-identity-provider';
import type { AuthenticationResultType, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AppError, conflict, unauthenticated, validationFailed } from '../../shared/api/errors.ts';
import { authConfig, config } from '../../shared/config.ts';

/** Set when the client is made: every command is built after `await cognito()`. */
let sdk: typeof CognitoSdk;
let client: Promise<CognitoIdentityProviderClient> | undefined;

/** The SDK is loaded on first use, not at cold start: most of the directory's routes never call Cognito. */
function cognito(): Promise<CognitoIdentityProviderClient> {
  client ??= import('@aws-sdk/client-cognito-identity-provider').then((loaded) => {
    sdk = loaded;
    const { COGNITO_ENDPOINT } = authConfig();
    return new sdk.CognitoIdentityProviderClient({ region: config().AWS_REGION, ...(COGNITO_ENDPOINT && { endpoint: COGNITO_ENDPOINT }) });
  });
  return client;
}

const errorName = (e: unknown) => (e instanceof Error ? e.name : '');

/** Cognito's errors → our 4xx; anything else is ours to log (500). */
function mapAuthError(e: unknown): never {
  switch (errorName(e)) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
    case 'InvalidPasswordException': // cognito-local's word for a wrong password
      throw unauthenticated('Email or password is incorrect.');
    case 'UserNotConfirmedException':
      throw new AppError('forbidden', 'Verify your email address before signing in.');
    case 'PasswordResetRequiredException':
      throw new AppError('forbidden', 'A password reset is required. Use “Forgot password”.');
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      throw new AppError('rate_limited', 'Too many attempts. Wait a minute and try again.');
    default:
      throw e;
  }
}

/** Signed in, or (two-step sign-in on) waiting for a TOTP code with Cognito's short-lived session. */
export type SignInResult = { tokens: AuthenticationResultType } | { totpSession: string };

export async function startSignIn(email: string, password: string): Promise<SignInResult> {
  const ClientId = authConfig().USER_POOL_CLIENT_ID;
  const res = await (
    await cognito()
  )
    .send(new sdk.InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME: email, PASSWORD: password } }))
    .catch(mapAuthError);
  if (res.ChallengeName === 'SOFTWARE_TOKEN_MFA' && res.Session) return { totpSession: res.Session };
  // An invited person who has not joined has no password of their own: same answer as a wrong one.
  if (res.ChallengeName === 'NEW_PASSWORD_REQUIRED') throw unauthenticated('Email or password is incorrect.');
  if (res.ChallengeName) throw new AppError('unprocessable', `Sign-in needs the ${res.ChallengeName} step, which this portal does not offer.`);
  if (!res.AuthenticationResult?.IdToken) throw new Error('Cognito returned no tokens');
  return { tokens: res.AuthenticationResult };
}

/** For flows that never meet the TOTP step (a just-set password of a new person). */
export async function passwordSignIn(email: string, password: string): Promise<AuthenticationResultType> {
  const result = await startSignIn(email, password);
  if (!('tokens' in result)) throw new AppError('unprocessable', 'Enter your authenticator code to finish signing in.');
  return result.tokens;
}

const codeMismatch = () => validationFailed([{ field: 'code', message: 'is not the current code of your authenticator app' }]);

export async function answerTotpChallenge(email: string, session: string, code: string): Promise<AuthenticationResultType> {
  const res = await (
    await cognito()
  )
    .send(
      new sdk.RespondToAuthChallengeCommand({
        ClientId: authConfig().USER_POOL_CLIENT_ID,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    )
    .catch((e: unknown) => {
      if (errorName(e) === 'CodeMismatchException') throw codeMismatch();
      throw unauthenticated('Signing in took too long. Start again.');
    });
  if (!res.AuthenticationResult?.IdToken) throw unauthenticated('Signing in took too long. Start again.');
  return res.AuthenticationResult;
}

/**
 * Step one of TOTP enrolment: the password again (a step-up), which also gives the access
 * token Cognito binds enrolment to. Returns the shared secret for the authenticator app.
 */
/** Step one of enrolment, with the access token of a sign-in that just checked the password. */
export async function beginTotpEnrolment(accessToken: string): Promise<string> {
  const { SecretCode } = await (await cognito()).send(new sdk.AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  if (!SecretCode) throw new Error('Cognito returned no TOTP secret');
  return SecretCode;
}

/** Step two: the first code proves the app is set up; TOTP then guards every sign-in. */
export async function completeTotpEnrolment(accessToken: string, code: string): Promise<void> {
  const verified = await (
    await cognito()
  )
    .send(new sdk.VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Authenticator' }))
    .catch((e: unknown) => {
      if (['CodeMismatchException', 'EnableSoftwareTokenMFAException'].includes(errorName(e))) throw codeMismatch();
      throw e;
    });
  if (verified.Status !== 'SUCCESS') throw codeMismatch();
  await (
    await cognito()
  ).send(new sdk.SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
}

/** Turns TOTP off after both factors were proven again (the caller ran the full two-step sign-in). */
export async function disableTotp(accessToken: string): Promise<void> {
  await (
    await cognito()
  ).send(new sdk.SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } }));
}

export async function refreshSignIn(refreshToken: string): Promise<AuthenticationResultType> {
  const res = await (
    await cognito()
  )
    .send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: authConfig().USER_POOL_CLIENT_ID,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    )
    .catch(() => {
      throw unauthenticated('Your session has ended. Sign in again.');
    });
  if (!res.AuthenticationResult?.IdToken) throw unauthenticated('Your session has ended. Sign in again.');
  return res.AuthenticationResult;
}

export async function revokeRefreshToken(refreshToken: string): Promise<void> {
  await (await cognito()).send(new sdk.RevokeTokenCommand({ Token: refreshToken, ClientId: authConfig().USER_POOL_CLIENT_ID }));
}

type Attributes = { Name?: string; Value?: string }[] | undefined;
const attribute = (attrs: Attributes, name: string) => attrs?.find((a) => a.Name === name)?.Value;
/** The user id an identity signs in as: a claimed guest account's own (`custom:userId`), else the identity's `sub`. */
const userIdOf = (attrs: Attributes) => attribute(attrs, 'custom:userId') ?? attribute(attrs, 'sub');

/**
 * Creates the sign-in identity of an invited person (no password yet, no Cognito email) and
 * returns the user id it signs in as: its `sub`, or `userId` when it claims an account that
 * exists already (a guest's, made with a booking; ADR 0012). An identity left by an earlier
 * attempt that failed after this step, in the same firm, is reused. undefined: the address
 * signs in with another firm, which the caller must not reveal.
 */
export async function createInvitedIdentity(email: string, tenantId: string, role: string, userId?: string): Promise<string | undefined> {
  const UserPoolId = authConfig().USER_POOL_ID;
  let id: string | undefined;
  try {
    const created = await (
      await cognito()
    ).send(
      new sdk.AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'custom:tenantId', Value: tenantId },
          ...(userId ? [{ Name: 'custom:userId', Value: userId }] : []),
        ],
      }),
    );
    id = userIdOf(created.User?.Attributes);
  } catch (e) {
    if (errorName(e) !== 'UsernameExistsException') throw e;
    const existing = await (await cognito()).send(new sdk.AdminGetUserCommand({ UserPoolId, Username: email }));
    id = userIdOf(existing.UserAttributes);
    if (attribute(existing.UserAttributes, 'custom:tenantId') !== tenantId) return undefined;
    if (existing.UserStatus !== 'FORCE_CHANGE_PASSWORD' || (userId && id !== userId)) throw conflict(`${email} already has an account with this firm.`);
  }
  if (!id) throw new Error('Cognito returned no sub');
  await (await cognito()).send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: role }));
  return id;
}

/** The firm and user id of a sign-in identity, if one exists for this email. */
export async function findIdentity(email: string): Promise<{ tenantId: string; userId: string } | undefined> {
  const found = await (await cognito()).send(new sdk.AdminGetUserCommand({ UserPoolId: authConfig().USER_POOL_ID, Username: email })).catch((e: unknown) => {
    if (errorName(e) === 'UserNotFoundException') return undefined;
    throw e;
  });
  const [tenantId, userId] = [attribute(found?.UserAttributes, 'custom:tenantId'), userIdOf(found?.UserAttributes)];
  return tenantId && userId ? { tenantId, userId } : undefined;
}

/** Deletes the sign-in identity of `email` if it is this firm's (a purge, ADR 0039); an address that moved to another firm is left alone. */
export async function deleteIdentityOf(email: string, tenantId: string): Promise<boolean> {
  if ((await findIdentity(email))?.tenantId !== tenantId) return false;
  await (await cognito()).send(new sdk.AdminDeleteUserCommand({ UserPoolId: authConfig().USER_POOL_ID, Username: email }));
  return true;
}

/** Sets the password the person chose and marks the email verified (the link proved it). */
export async function activateIdentity(email: string, password: string): Promise<void> {
  const UserPoolId = authConfig().USER_POOL_ID;
  await (
    await cognito()
  )
    .send(new sdk.AdminSetUserPasswordCommand({ UserPoolId, Username: email, Password: password, Permanent: true }))
    .catch((e: unknown) => {
      if (errorName(e) === 'InvalidPasswordException') throw validationFailed([{ field: 'password', message: (e as Error).message }]);
      throw e;
    });
  await (
    await cognito()
  ).send(
    new sdk.AdminUpdateUserAttributesCommand({
      UserPoolId,
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
}

/** Keeps the identity's group (its role, as Cognito sees it) in step with the user record. */
export async function moveToRoleGroup(email: string, from: string, to: string): Promise<void> {
  const UserPoolId = authConfig().USER_POOL_ID;
  await (await cognito()).send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: to }));
  await (await cognito()).send(new sdk.AdminRemoveUserFromGroupCommand({ UserPoolId, Username: email, GroupName: from }));
}

/** Revokes every refresh token of an identity, so no device can renew its session (password reset, deactivation). */
export async function signOutEverywhere(email: string): Promise<void> {
  await (await cognito()).send(new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: authConfig().USER_POOL_ID, Username: email }));
}

/** Refuses (or allows again) every sign-in of an identity. */
export async function setSignInAllowed(email: string, allowed: boolean): Promise<void> {
  const input = { UserPoolId: authConfig().USER_POOL_ID, Username: email };
  await (await cognito()).send(allowed ? new sdk.AdminEnableUserCommand(input) : new sdk.AdminDisableUserCommand(input));
}
