import type { MemberCredentials } from '../platform/aws/member-access.port';

/** A Config configuration item, reduced to what tracing a change needs. */
export interface ConfigurationItemInfo {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  captureTime: Date;
  /** `OK`, `ResourceDiscovered`, `ResourceDeleted`, … */
  status?: string;
  /** CloudTrail event ids of the changes this item records (empty when Config linked none). */
  relatedEvents: string[];
}

/** Which resource and time window to read the history of. */
export interface ConfigHistoryQuery {
  resourceType: string;
  resourceId: string;
  earlierTime: Date;
  laterTime: Date;
  /**
   * Most items to return, newest first.
   * @default 10
   */
  maxItems?: number;
}

/**
 * AWS Config resource history (`GetResourceConfigHistory`) of one account and region. Hides paging; a resource Config
 * never discovered throws NotFoundError; throttling that outlives the retries throws ThrottledError.
 */
export interface ConfigHistory {
  /** Configuration items captured in the window, newest first. */
  itemsBetween(query: ConfigHistoryQuery): Promise<ConfigurationItemInfo[]>;
}

/** The account and region a history read targets, with the member credentials. */
export interface ConfigHistoryTarget {
  accountId: string;
  region: string;
  credentials: MemberCredentials;
}

/** Builds the history reader for one account and region. */
export type ConfigHistoryFactory = (target: ConfigHistoryTarget) => ConfigHistory;
