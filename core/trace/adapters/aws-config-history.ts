import {
  type ConfigServiceClient,
  type ConfigurationItem,
  GetResourceConfigHistoryCommand,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import type { AwsClientFactory } from '../../platform/aws/aws-clients';
import { hasAwsErrorName, toAppError } from '../../platform/aws/aws-errors';
import { NotFoundError } from '../../shared/errors';
import type {
  ConfigHistory,
  ConfigHistoryFactory,
  ConfigHistoryQuery,
  ConfigurationItemInfo,
} from '../config-history.port';

/** GetResourceConfigHistory's largest page. */
export const HISTORY_PAGE_SIZE = 100;

const toInfo = (item: ConfigurationItem): ConfigurationItemInfo | undefined => {
  if (!item.resourceType || !item.resourceId || !item.configurationItemCaptureTime) return undefined;
  return {
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    ...(item.resourceName ? { resourceName: item.resourceName } : {}),
    ...(item.arn ? { arn: item.arn } : {}),
    captureTime: item.configurationItemCaptureTime,
    ...(item.configurationItemStatus ? { status: item.configurationItemStatus } : {}),
    relatedEvents: item.relatedEvents ?? [],
  };
};

/**
 * AWS Config resource history in one member account and region (`GetResourceConfigHistory`, newest first). Pages
 * with nextToken up to `maxItems`; `ResourceNotDiscoveredException` → NotFoundError; other failures → our error
 * family. The client comes from {@link AwsClientFactory.config}, so the scan's Config pacing applies.
 */
export class AwsConfigHistory implements ConfigHistory {
  constructor(
    private readonly client: ConfigServiceClient,
    private readonly target: { accountId: string; region: string },
  ) {}

  async itemsBetween(query: ConfigHistoryQuery): Promise<ConfigurationItemInfo[]> {
    const maxItems = Math.max(1, query.maxItems ?? 10);
    const items: ConfigurationItemInfo[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.send(query, Math.min(HISTORY_PAGE_SIZE, maxItems - items.length), nextToken);
      for (const item of out.configurationItems ?? []) {
        const info = toInfo(item);
        if (info) items.push(info);
      }
      nextToken = out.nextToken;
    } while (nextToken !== undefined && items.length < maxItems);
    return items.slice(0, maxItems);
  }

  private async send(query: ConfigHistoryQuery, limit: number, nextToken: string | undefined) {
    try {
      return await this.client.send(
        new GetResourceConfigHistoryCommand({
          resourceType: query.resourceType as ResourceType,
          resourceId: query.resourceId,
          earlierTime: query.earlierTime,
          laterTime: query.laterTime,
          chronologicalOrder: 'Reverse',
          limit,
          ...(nextToken ? { nextToken } : {}),
        }),
      );
    } catch (err) {
      const where = `${this.target.accountId}/${this.target.region}`;
      if (hasAwsErrorName(err, 'ResourceNotDiscoveredException')) {
        throw new NotFoundError(
          `config history of ${query.resourceType} ${query.resourceId} in ${where}: resource not discovered`,
          { cause: err },
        );
      }
      throw toAppError(err, { service: 'config', operation: 'GetResourceConfigHistory', target: where });
    }
  }
}

/** Builds the history reader of an account and region on the scan's (memoised, paced) Config client. */
export const createConfigHistoryFactory =
  (clients: Pick<AwsClientFactory, 'config'>): ConfigHistoryFactory =>
  ({ accountId, region, credentials }) =>
    new AwsConfigHistory(clients.config(accountId, region, credentials), { accountId, region });
