import { parseWith } from '../../shared/validation';
import type { HttpCaller, HttpTransport } from '../http/http-transport';
import type { ChannelPacer } from './channel-pacer';
import type { ChatMessage, ChatNotifier, PostedMessage } from './chat-notifier.port';
import { PostMessageResponseSchema, slackError, slackTransport } from './slack-responses';

/** The Slack Web API base URL. */
export const SLACK_API_BASE_URL = 'https://slack.com/api';

/** Options of {@link SlackBotNotifier}. */
export interface SlackBotNotifierOptions {
  /** A bot token (`xoxb-…`) with `chat:write`: a secret, read from Secrets Manager at run time. */
  botToken: string;
  /** Channel name (`#compliance`) or id (`C0123…`). */
  channel: string;
  /** @default - https://slack.com/api (the sandbox passes its own) */
  baseUrl?: string;
  http: HttpCaller;
  pacer: ChannelPacer;
}

/**
 * Posts with a bot token through `chat.postMessage` (`Authorization: Bearer`); Slack answers HTTP 200 with
 * `{ok:true, channel, ts}` or `{ok:false, error}`, and 429 with `Retry-After` when rate limited. The token appears in
 * no error or log line.
 */
export class SlackBotNotifier implements ChatNotifier {
  private readonly transport: HttpTransport;

  constructor(private readonly options: SlackBotNotifierOptions) {
    this.transport = slackTransport(options.http, options.botToken);
  }

  async post(message: ChatMessage): Promise<PostedMessage> {
    const { botToken, channel, pacer } = this.options;
    const baseUrl = (this.options.baseUrl ?? SLACK_API_BASE_URL).replace(/\/+$/, '');
    await pacer.wait(channel);
    const answer = await this.transport.send('slack chat.postMessage', `${baseUrl}/chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${botToken}` },
      body: JSON.stringify({ channel, text: message.text, blocks: message.blocks, unfurl_links: false }),
    });
    if (!answer.ok) throw slackError(`slack chat.postMessage (HTTP ${answer.status})`, answer.message);
    const reply = parseWith(PostMessageResponseSchema, answer.body, 'slack chat.postMessage answer');
    // The answer's message is `reply.error`, redacted and cut.
    if (!reply.ok) throw slackError('slack chat.postMessage', answer.message);
    return { channel: reply.channel, ts: reply.ts };
  }
}
