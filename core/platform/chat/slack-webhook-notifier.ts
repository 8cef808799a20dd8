import { type HttpCaller, sendWithRetry } from '../http/http-retry';
import type { ChannelPacer } from './channel-pacer';
import type { ChatMessage, ChatNotifier, PostedMessage } from './chat-notifier.port';
import { slackError } from './slack-responses';

/** Options of {@link SlackWebhookNotifier}. */
export interface SlackWebhookNotifierOptions {
  /** The incoming webhook URL: a secret (whoever has it can post), read from Secrets Manager at run time. */
  webhookUrl: string;
  http: HttpCaller;
  /** Shared per process, so posts stay ≤ 1 per second per channel across invocations of a warm container. */
  pacer: ChannelPacer;
}

/** The pacer's channel key for webhooks: a webhook posts to one channel, and its URL must not be used as a key. */
export const WEBHOOK_CHANNEL_KEY = 'incoming-webhook';

/**
 * Posts through a Slack incoming webhook: `POST <webhookUrl>` with `{text, blocks}`; Slack answers 200 `ok`, or a
 * 4xx with an error code as text (`invalid_blocks`, `no_service`…). 429 and 5xx are retried by `sendWithRetry`.
 * The URL appears in no error or log line.
 */
export class SlackWebhookNotifier implements ChatNotifier {
  constructor(private readonly options: SlackWebhookNotifierOptions) {}

  async post(message: ChatMessage): Promise<PostedMessage> {
    const { webhookUrl, http, pacer } = this.options;
    await pacer.wait(WEBHOOK_CHANNEL_KEY);
    const response = await sendWithRetry(http, 'slack webhook post', webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ text: message.text, blocks: message.blocks }),
    });
    const body = await response.text();
    if (response.ok && body.trim() === 'ok') return {};
    throw slackError(`slack webhook (HTTP ${response.status})`, body, [webhookUrl]);
  }
}
