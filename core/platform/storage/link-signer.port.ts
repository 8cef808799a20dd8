/** SigV4 presigned URLs are valid for at most 7 days. */
export const MAX_LINK_EXPIRY_SECONDS = 604_800;

/**
 * Makes time-limited HTTPS links to objects of the report bucket (for the Slack and Jira steps), so readers need no
 * AWS credentials. Keys are relative to the bucket.
 */
export interface LinkSigner {
  /**
   * A GET URL for `key`, valid for `expiresInSeconds` (1 to {@link MAX_LINK_EXPIRY_SECONDS}); adapters reject other
   * values rather than sign a link AWS would refuse.
   */
  presign(key: string, expiresInSeconds: number): Promise<string>;
}
