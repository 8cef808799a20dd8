import type { MemberAccess, MemberCredentials } from '../../../core/platform/aws/member-access.port';
import { MemberRoleNotAssumableError } from '../../../core/shared/errors';

/**
 * A MemberAccess that hands out fake credentials. Accounts in `denied` fail like STS would (code per account, e.g.
 * `AccessDenied`); `failWith` throws any other error (e.g. ThrottledError). `calls` records every assume.
 */
export class InMemoryMemberAccess implements MemberAccess {
  readonly calls: Array<{ accountId: string; sessionName: string }> = [];
  failWith?: Error;

  constructor(readonly denied: Record<string, string> = {}) {}

  async assume(accountId: string, sessionName: string): Promise<MemberCredentials> {
    this.calls.push({ accountId, sessionName });
    if (this.failWith) throw this.failWith;
    const code = this.denied[accountId];
    if (code) {
      throw new MemberRoleNotAssumableError(
        `member role not assumable in ${accountId}: ${code}; check that arn:aws:iam::${accountId}:role/ComplianceReader exists and trusts the hub role with the configured ExternalId`,
        { code },
      );
    }
    return { accessKeyId: `AKIA${accountId}`, secretAccessKey: 'fake-secret', sessionToken: `token-${sessionName}` };
  }
}
