import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/domain/identity/permissions.ts';
import type { StageConfig } from '../stage.ts';
import { acknowledge } from './nag.ts';

/** Cognito: groups are roles, `custom:tenantId` is the tenant claim, TOTP MFA is offered. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, stage: StageConfig) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false, // sign-up goes through our register endpoint, per firm
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // userId: set only when an identity claims an account made before it (a guest's, ADR 0012).
      customAttributes: {
        tenantId: new StringAttribute({ mutable: false, minLen: 1, maxLen: 64 }),
        userId: new StringAttribute({ mutable: false, minLen: 1, maxLen: 64 }),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // PLUS brings threat protection: compromised-credential and adaptive sign-in checks.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: stage.isProd,
      removalPolicy: stage.isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.webClient = this.userPool.addClient('Web', {
      authFlows: { userPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(15),
      accessTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(30),
    });
    for (const role of ROLES) new CfnUserPoolGroup(this, `Group${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });

    acknowledge(this.userPool, 'COG2', 'MFA is optional by product decision: every user can enrol TOTP; clients of a firm are not forced to.');
  }

  /** A function outside the API that administers identities: the pool's settings (shared/config.ts `auth`) and these actions only. */
  administerFrom(fn: LambdaFunction, ...actions: string[]): void {
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
    fn.addEnvironment('USER_POOL_CLIENT_ID', this.webClient.userPoolClientId);
    fn.addEnvironment('JWT_ISSUER', `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`);
    this.userPool.grant(fn, ...actions);
  }
}
