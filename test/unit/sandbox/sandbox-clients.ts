// Real AWS SDK v3 clients pointed at a running sandbox, as the adapters would build them.
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { Sandbox } from '../../../sandbox';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Retry settings kept small so failing cases answer fast. */
export interface RetryOptions {
  maxAttempts?: number;
}

export const stsClient = (sandbox: Sandbox, credentials: Credentials = sandbox.hubCredentials) =>
  new STSClient({ region: sandbox.region, endpoint: sandbox.endpoints.aws, credentials, maxAttempts: 1 });

export const organizationsClient = (sandbox: Sandbox, credentials: Credentials = sandbox.hubCredentials) =>
  new OrganizationsClient({ region: sandbox.region, endpoint: sandbox.endpoints.aws, credentials, maxAttempts: 1 });

export const configClient = (sandbox: Sandbox, region: string, credentials: Credentials, retry: RetryOptions = {}) =>
  new ConfigServiceClient({
    region,
    endpoint: sandbox.endpoints.aws,
    credentials,
    maxAttempts: retry.maxAttempts ?? 1,
    retryMode: 'standard',
  });

export const s3Client = (sandbox: Sandbox) =>
  new S3Client({
    region: sandbox.region,
    endpoint: sandbox.endpoints.s3,
    credentials: sandbox.hubCredentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

/** Assumes the member role of an account with the sandbox's ExternalId and returns its session credentials. */
export const assumeMember = async (sandbox: Sandbox, accountId: string): Promise<Credentials> => {
  const { Credentials: issued } = await stsClient(sandbox).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${sandbox.memberRoleName}`,
      RoleSessionName: 'sandbox-test',
      ExternalId: sandbox.externalId,
    }),
  );
  if (issued?.AccessKeyId === undefined || issued.SecretAccessKey === undefined)
    throw new Error('no credentials issued');
  return {
    accessKeyId: issued.AccessKeyId,
    secretAccessKey: issued.SecretAccessKey,
    sessionToken: issued.SessionToken,
  };
};

/** The path of a committed test scenario. */
export const fixture = (name: string): string => `${__dirname}/../../fixtures/scenarios/${name}.json`;
