import { parseSecret, SLACK_SECRET_SHAPE, SlackSecretSchema } from '../../core/notify/notify-secrets';
import type { ChannelPacer } from '../../core/platform/chat/channel-pacer';
import type { ChatNotifier } from '../../core/platform/chat/chat-notifier.port';
import { SlackBotNotifier } from '../../core/platform/chat/slack-bot-notifier';
import { SlackWebhookNotifier } from '../../core/platform/chat/slack-webhook-notifier';
import type { HttpCaller } from '../../core/platform/http/http-transport';
import type { SecretSource } from '../../core/platform/secrets/secret-source.port';

/**
 * The Slack channel named by a secret, built on first use: `{ webhookUrl }` → incoming webhook, `{ botToken, channel }`
 * → `chat.postMessage` at `apiBaseUrl`. The secret is read when a message is about to be posted, never at cold start,
 * and goes nowhere but the adapter. Shared by the weekly notify functions and the compliance events functions.
 */
export const slackChatFromSecret =
  (options: {
    secrets: SecretSource;
    secretName: string;
    apiBaseUrl: string;
    http: HttpCaller;
    pacer: ChannelPacer;
  }): (() => Promise<ChatNotifier>) =>
  async () => {
    const { secrets, secretName, apiBaseUrl, http, pacer } = options;
    const secret = parseSecret(SlackSecretSchema, await secrets.getSecret(secretName), secretName, SLACK_SECRET_SHAPE);
    return 'webhookUrl' in secret
      ? new SlackWebhookNotifier({ webhookUrl: secret.webhookUrl, http, pacer })
      : new SlackBotNotifier({ ...secret, baseUrl: apiBaseUrl, http, pacer });
  };
