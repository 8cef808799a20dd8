import { AssumeRoleCommand, type AssumeRoleCommandOutput, type STSClient } from '@aws-sdk/client-sts';
import { ExternalServiceError, MemberRoleNotAssumableError } from '../../shared/errors';
import { describeAwsError, toAppError } from './aws-errors';
import type { MemberAccess, MemberCredentials } from './member-access.port';

/** STS error codes that mean "this account is not onboarded (yet)": recorded per account, not retried. */
export const NOT_ASSUMABLE_CODES: ReadonlySet<string> = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'RegionDisabledException',
]);

/** Options of {@link StsMemberAccess}. */
export interface StsMemberAccessOptions {
  /** Name of the member role deployed by the StackSet, e.g. `ComplianceReader`. */
  roleName: string;
  /** The ExternalId the member role's trust policy requires. Never logged nor put in messages. */
  externalId: string;
  /**
   * Session length; role chaining caps it at 1 hour.
   * @default 3600
   */
  durationSeconds?: number;
  /** @default 'aws' */
  partition?: string;
}

/** Opens member-account sessions with STS AssumeRole (ExternalId, RoleSessionName) and translates refusals. */
export class StsMemberAccess implements MemberAccess {
  private readonly durationSeconds: number;
  private readonly partition: string;

  constructor(
    private readonly client: STSClient,
    private readonly options: StsMemberAccessOptions,
  ) {
    this.durationSeconds = options.durationSeconds ?? 3600;
    this.partition = options.partition ?? 'aws';
  }

  /** The member role ARN in `accountId`. */
  roleArn(accountId: string): string {
    return `arn:${this.partition}:iam::${accountId}:role/${this.options.roleName}`;
  }

  async assume(accountId: string, sessionName: string): Promise<MemberCredentials> {
    const roleArn = this.roleArn(accountId);
    let out: AssumeRoleCommandOutput;
    try {
      out = await this.client.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: sessionName,
          ExternalId: this.options.externalId,
          DurationSeconds: this.durationSeconds,
        }),
      );
    } catch (err) {
      const { name } = describeAwsError(err);
      if (NOT_ASSUMABLE_CODES.has(name)) {
        throw new MemberRoleNotAssumableError(
          `member role not assumable in ${accountId}: ${name}; check that ${roleArn} exists and trusts the hub role with the configured ExternalId`,
          { code: name, cause: err },
        );
      }
      throw toAppError(err, { service: 'sts', operation: 'AssumeRole', target: roleArn });
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new ExternalServiceError(`sts AssumeRole (${roleArn}) returned no credentials; retry the account`, {
        service: 'sts',
        retryable: true,
      });
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  }
}
