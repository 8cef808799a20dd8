import type { HttpCaller, HttpTransport } from '../http/http-transport';
import type { ChannelPacer } from './channel-pacer';
import type { ChatMessage, ChatNotifier, PostedMessage } from './chat-notifier.port';
import { slackError, slackTransport } from './slack-responses';

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
 * 4xx with an error code as text (`invalid_blocks`, `no_service`…). 429 and 5xx are retried by the transport.
 * The URL appears in no error or log line.
 */
export class SlackWebhookNotifier implements ChatNotifier {
  private readonly transport: HttpTransport;

  constructor(private readonly options: SlackWebhookNotifierOptions) {
    this.transport = slackTransport(options.http, options.webhookUrl);
  }

  async post(message: ChatMessage): Promise<PostedMessage> {
    const { webhookUrl, pacer } = this.options;
    await pacer.wait(WEBHOOK_CHANNEL_KEY);
    const answer = await this.transport.send('slack webhook post', webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ text: message.text, blocks: message.blocks }),
    });
    if (answer.ok && answer.text.trim() === 'ok') return {};
    throw slackError(`slack webhook (HTTP ${answer.status})`, answer.message);
  }
}
