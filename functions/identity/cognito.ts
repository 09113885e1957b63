import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AppError, unauthenticated } from '../../shared/api/errors.ts';
import { config } from '../../shared/config.ts';

let client: CognitoIdentityProviderClient | undefined;

export function cognito(): CognitoIdentityProviderClient {
  const { AWS_REGION, COGNITO_ENDPOINT } = config();
  client ??= new CognitoIdentityProviderClient({ region: AWS_REGION, ...(COGNITO_ENDPOINT && { endpoint: COGNITO_ENDPOINT }) });
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

export async function passwordSignIn(email: string, password: string): Promise<AuthenticationResultType> {
  const ClientId = config().USER_POOL_CLIENT_ID;
  const res = await cognito()
    .send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME: email, PASSWORD: password } }))
    .catch(mapAuthError);
  if (res.ChallengeName) {
    // MFA challenges arrive with the MFA work of the foundation issue; until then no user is enrolled.
    throw new AppError('unprocessable', `Sign-in needs the ${res.ChallengeName} step, which this portal does not offer yet.`);
  }
  if (!res.AuthenticationResult?.IdToken) throw new Error('Cognito returned no tokens');
  return res.AuthenticationResult;
}

export async function refreshSignIn(refreshToken: string): Promise<AuthenticationResultType> {
  const res = await cognito()
    .send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config().USER_POOL_CLIENT_ID, AuthParameters: { REFRESH_TOKEN: refreshToken } }))
    .catch(() => {
      throw unauthenticated('Your session has ended. Sign in again.');
    });
  if (!res.AuthenticationResult?.IdToken) throw unauthenticated('Your session has ended. Sign in again.');
  return res.AuthenticationResult;
}

export async function revokeRefreshToken(refreshToken: string): Promise<void> {
  await cognito().send(new RevokeTokenCommand({ Token: refreshToken, ClientId: config().USER_POOL_CLIENT_ID }));
}
