/** cognito-local as the Cognito stand-in: one user pool with the same shape as the CDK pool. */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROLES } from '../../shared/domain/identity/permissions.ts';
import { LOCAL_AWS } from './dynamo.ts';
import { readyOrStopped, startChild, type Child } from './process.ts';

const POOL_NAME = 'service-portal-local';
const CLIENT_NAME = 'web';

export interface LocalPool {
  child: Child;
  endpoint: string;
  poolId: string;
  clientId: string;
  issuer: string;
  client: CognitoIdentityProviderClient;
}

export async function startCognito(port: number, dataDir: string): Promise<LocalPool> {
  mkdirSync(dataDir, { recursive: true });
  // cognito-local, with the one gap our flows meet filled (see cognito-launcher.ts).
  const launcher = resolve(import.meta.dirname, 'cognito-launcher.ts');
  const child = startChild('cognito-local', process.execPath, [launcher], { cwd: dataDir, env: { PORT: String(port), HOST: '127.0.0.1' } });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CognitoIdentityProviderClient({ ...LOCAL_AWS, endpoint });
  await readyOrStopped(child, () => client.send(new ListUserPoolsCommand({ MaxResults: 60 })));
  const { poolId, clientId } = await ensurePool(client);
  return { child, endpoint, poolId, clientId, issuer: `${endpoint}/${poolId}`, client };
}

/** Idempotent: finds the pool and app client by name, creating them (and role groups) once. */
async function ensurePool(client: CognitoIdentityProviderClient): Promise<{ poolId: string; clientId: string }> {
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let poolId = UserPools.find((p) => p.Name === POOL_NAME)?.Id;
  if (!poolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: POOL_NAME,
        UsernameAttributes: ['email'],
        Schema: [
          { Name: 'tenantId', AttributeDataType: 'String', Mutable: false },
          { Name: 'userId', AttributeDataType: 'String', Mutable: false },
        ],
      }),
    );
    poolId = created.UserPool!.Id!;
    for (const role of ROLES) await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: role }));
  }
  // As the CDK pool: TOTP two-step sign-in, optional per person (applied on every start, for older local pools too).
  await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
  const { UserPoolClients = [] } = await client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
  let clientId = UserPoolClients.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: CLIENT_NAME,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        IdTokenValidity: 15,
        AccessTokenValidity: 15,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
      }),
    );
    clientId = created.UserPoolClient!.ClientId!;
  }
  return { poolId, clientId };
}

/** Creates a confirmed user with a permanent password (or finds it) and returns its `sub`. */
export async function ensureCognitoUser(pool: LocalPool, user: { email: string; password: string; tenantId: string; role: string }): Promise<string> {
  const { client, poolId } = pool;
  const existing = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: user.email })).catch(() => undefined);
  if (existing) return existing.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
  const created = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:tenantId', Value: user.tenantId },
      ],
    }),
  );
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: user.email, Password: user.password, Permanent: true }));
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: user.email, GroupName: user.role }));
  return created.User!.Attributes!.find((a) => a.Name === 'sub')!.Value!;
}
