import { randomBytes } from 'node:crypto';

/** Static fake credentials of the hub (the identity that lists accounts, assumes member roles and writes S3). */
export const HUB_CREDENTIALS = {
  accessKeyId: 'AKIASANDBOXHUB000000',
  secretAccessKey: 'sandbox/hub/secret/access/key/not-a-real-one',
} as const;

/** The hub's IAM identity, as STS error messages show it. */
export const HUB_ROLE_NAME = 'ComplianceReportHub';

/** A caller the sandbox recognises by its access key. */
export type Principal =
  | { kind: 'hub'; accountId: string; arn: string }
  | { kind: 'member'; accountId: string; arn: string; roleName: string; sessionName: string };

/** Credentials issued by the sandbox's AssumeRole. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomText = (length: number, alphabet = ALPHABET): string =>
  Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');

/**
 * The access keys the sandbox knows: the hub's static key and every key its STS issued. An issued AccessKeyId is
 * `ASIA` + the member account id + 4 random characters, so later calls signed with it are attributed to that account.
 */
export class CredentialRegistry {
  private readonly issued = new Map<string, Principal>();
  readonly hubPrincipal: Principal;

  constructor(readonly hubAccountId: string) {
    this.hubPrincipal = {
      kind: 'hub',
      accountId: hubAccountId,
      arn: `arn:aws:sts::${hubAccountId}:assumed-role/${HUB_ROLE_NAME}/sandbox`,
    };
  }

  /** Issues session credentials for a member role. */
  issue(accountId: string, roleName: string, sessionName: string, durationSeconds: number): IssuedCredentials {
    const accessKeyId = `ASIA${accountId}${randomText(4)}`;
    this.issued.set(accessKeyId, {
      kind: 'member',
      accountId,
      roleName,
      sessionName,
      arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    });
    return {
      accessKeyId,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`,
      expiration: new Date(Date.now() + durationSeconds * 1000),
    };
  }

  /** The caller behind an access key, or undefined when the sandbox never issued it. */
  resolve(accessKeyId: string | undefined): Principal | undefined {
    if (accessKeyId === undefined) return undefined;
    if (accessKeyId === HUB_CREDENTIALS.accessKeyId) return this.hubPrincipal;
    return this.issued.get(accessKeyId);
  }

  /** A role id as STS shows it (`AROA` + 17 characters). */
  static roleId(): string {
    return `AROA${randomText(17)}`;
  }
}
