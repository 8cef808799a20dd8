import { actions, escapeMrkdwn, fields, header, linkButton, section } from '../../platform/chat/block-kit';
import type { ChatMessage } from '../../platform/chat/chat-notifier.port';
import type { HistoryItem } from '../model';

/**
 * The AWS Config console page of a resource (its compliance and configuration timeline), in the resource's region.
 * It opens in the member account the viewer is signed in to; the message names that account.
 */
export const configTimelineUrl = (
  item: Pick<HistoryItem, 'region' | 'resourceType' | 'resourceId'>,
  consoleDomain = 'console.aws.amazon.com',
): string =>
  `https://${item.region}.${consoleDomain}/config/home?region=${item.region}#/resources/details?resourceId=${encodeURIComponent(item.resourceId)}&resourceType=${encodeURIComponent(item.resourceType)}`;

const TITLE: Partial<Record<HistoryItem['transition'], string>> = {
  'new-violation': 'New violation',
  reopened: 'Violation reopened',
};

/** The immediate alert for a Critical/High new or reopened violation: one header, facts, annotation, console link. */
export const alertMessage = (item: HistoryItem, consoleDomain?: string): ChatMessage => {
  const title = `${TITLE[item.transition] ?? 'Violation'} (${item.severity}): ${item.normalizedRuleName}`;
  const rule =
    item.ruleName === item.normalizedRuleName ? item.ruleName : `${item.normalizedRuleName} (${item.ruleName})`;
  const blocks = [
    header(title),
    fields([
      `*Account*\n${escapeMrkdwn(item.accountId)}`,
      `*Region*\n${escapeMrkdwn(item.region)}`,
      `*Rule*\n${escapeMrkdwn(rule)}`,
      `*Resource*\n${escapeMrkdwn(`${item.resourceType} ${item.resourceId}`)}`,
      `*Evaluated*\n${item.occurredAt}`,
      `*Severity*\n${item.severity}`,
    ]),
    ...(item.annotation ? [section(`*Annotation*: ${escapeMrkdwn(item.annotation)}`)] : []),
    ...actions([linkButton('Open in AWS Config', configTimelineUrl(item, consoleDomain), 'open-config')]),
  ];
  return {
    text: `${title} in ${item.accountId} ${item.region}: ${item.resourceType} ${item.resourceId}`,
    blocks,
  };
};
