/** Temporary credentials for one member account. */
export interface MemberCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration?: Date;
}

/**
 * Opens a session in a member account (STS AssumeRole with ExternalId into the member role).
 * Throws MemberRoleNotAssumableError when STS refuses (AccessDenied and friends).
 */
export interface MemberAccess {
  assume(accountId: string, sessionName: string): Promise<MemberCredentials>;
}
