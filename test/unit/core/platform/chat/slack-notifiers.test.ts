import { header, section } from '../../../../../core/platform/chat/block-kit';
import { ChannelPacer } from '../../../../../core/platform/chat/channel-pacer';
import type { ChatMessage } from '../../../../../core/platform/chat/chat-notifier.port';
import { SlackBotNotifier } from '../../../../../core/platform/chat/slack-bot-notifier';
import { SlackWebhookNotifier } from '../../../../../core/platform/chat/slack-webhook-notifier';
import type { HttpCaller } from '../../../../../core/platform/http/http-transport';
import { type NotifySandbox, startNotifySandbox } from '../../../../../sandbox/notify-sandbox';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const MESSAGE: ChatMessage = { text: 'hello', blocks: [header('Report'), section('*Totals* 3')] };

describe('Slack notifiers over the sandbox', () => {
  let sandbox: NotifySandbox;
  let waits: number[];
  let log: RecordingLog;
  const http = (): HttpCaller => ({
    fetch: (input, init) => fetch(input, init),
    sleep: async (ms) => {
      waits.push(ms);
    },
    service: 'slack',
    log,
  });
  const pacer = () => new ChannelPacer(new FixedClock(), async (ms) => void waits.push(ms));

  beforeEach(async () => {
    sandbox = await startNotifySandbox();
    waits = [];
    log = new RecordingLog();
  });
  afterEach(async () => {
    await sandbox.stop();
  });

  describe('SlackWebhookNotifier', () => {
    it('posts text and blocks to the webhook', async () => {
      // Arrange
      const notifier = new SlackWebhookNotifier({ webhookUrl: sandbox.slack.webhookUrl, http: http(), pacer: pacer() });

      // Act
      const posted = await notifier.post(MESSAGE);

      // Assert
      expect(posted).toEqual({});
      expect(sandbox.slack.received).toEqual([
        expect.objectContaining({ via: 'webhook', text: 'hello', blocks: JSON.parse(JSON.stringify(MESSAGE.blocks)) }),
      ]);
    });

    it('honours Retry-After on a 429 with the injected sleep, then posts once', async () => {
      // Arrange
      sandbox.slack.faults.failNext(1, { status: 429, retryAfterSeconds: 3 });
      const notifier = new SlackWebhookNotifier({ webhookUrl: sandbox.slack.webhookUrl, http: http(), pacer: pacer() });

      // Act
      await notifier.post(MESSAGE);

      // Assert
      expect(waits).toEqual([3000]);
      expect(sandbox.slack.received).toHaveLength(1);
      expect(sandbox.slack.requests.map((r) => r.status)).toEqual([429, 200]);
    });

    it('paces two posts a second apart', async () => {
      // Arrange
      const notifier = new SlackWebhookNotifier({ webhookUrl: sandbox.slack.webhookUrl, http: http(), pacer: pacer() });

      // Act
      await notifier.post(MESSAGE);
      await notifier.post(MESSAGE);

      // Assert
      expect(waits).toEqual([1000]);
      expect(sandbox.slack.received).toHaveLength(2);
    });

    it('throws a non-retryable error for invalid blocks without the webhook URL in the message or logs', async () => {
      // Arrange
      const tooMany: ChatMessage = { text: 'x', blocks: Array.from({ length: 51 }, () => section('x')) };
      sandbox.slack.faults.failNext(1, { status: 500 });
      const notifier = new SlackWebhookNotifier({ webhookUrl: sandbox.slack.webhookUrl, http: http(), pacer: pacer() });

      // Act
      const outcome = notifier.post(tooMany);

      // Assert
      await expect(outcome).rejects.toMatchObject({
        name: 'ExternalServiceError',
        retryable: false,
        message: 'slack webhook (HTTP 400) refused the message: invalid_blocks',
      });
      const everything = JSON.stringify(log.entries) + String(await outcome.catch((e: Error) => e.stack));
      expect(everything).not.toContain('SANDBOXWEBHOOKSECRET');
    });

    it('gives up with ThrottledError after the bounded attempts', async () => {
      // Arrange
      sandbox.slack.faults.failNext(10, { status: 429, retryAfterSeconds: 1 });
      const notifier = new SlackWebhookNotifier({ webhookUrl: sandbox.slack.webhookUrl, http: http(), pacer: pacer() });

      // Act
      const outcome = notifier.post(MESSAGE);

      // Assert
      await expect(outcome).rejects.toMatchObject({ name: 'ThrottledError', retryable: true });
      expect(sandbox.slack.requests).toHaveLength(4);
    });
  });

  describe('SlackBotNotifier', () => {
    it('posts with chat.postMessage and returns the channel and ts', async () => {
      // Arrange
      const notifier = new SlackBotNotifier({
        botToken: sandbox.slack.botToken,
        channel: '#compliance',
        baseUrl: sandbox.slack.apiBaseUrl,
        http: http(),
        pacer: pacer(),
      });

      // Act
      const posted = await notifier.post(MESSAGE);

      // Assert
      expect(posted).toEqual({ channel: '#compliance', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
      expect(sandbox.slack.received).toEqual([
        expect.objectContaining({ via: 'api', channel: '#compliance', text: 'hello' }),
      ]);
    });

    it('turns invalid_auth into a ConfigError that does not quote the token', async () => {
      // Arrange
      const wrong = 'xoxb-wrong-SECRETWRONGTOKEN';
      const notifier = new SlackBotNotifier({
        botToken: wrong,
        channel: '#c',
        baseUrl: sandbox.slack.apiBaseUrl,
        http: http(),
        pacer: pacer(),
      });

      // Act
      const error = await notifier.post(MESSAGE).catch((e: Error) => e);

      // Assert
      expect(error).toMatchObject({ name: 'ConfigError' });
      expect((error as Error).message).toContain('invalid_auth');
      expect(`${(error as Error).message}${(error as Error).stack}`).not.toContain('SECRETWRONGTOKEN');
    });

    it('redacts the token from an error code before cutting it, so no part of it is quoted', async () => {
      // Arrange
      const token = sandbox.slack.botToken;
      const echo: typeof fetch = async () =>
        new Response(JSON.stringify({ ok: false, error: `${'x'.repeat(90)}${token}` }), { status: 200 });
      const notifier = new SlackBotNotifier({
        botToken: token,
        channel: '#c',
        baseUrl: sandbox.slack.apiBaseUrl,
        http: { ...http(), fetch: echo },
        pacer: pacer(),
      });

      // Act
      const error = await notifier.post(MESSAGE).catch((e: Error) => e);

      // Assert
      expect(error).toMatchObject({
        name: 'ExternalServiceError',
        message: `slack chat.postMessage refused the message: ${'x'.repeat(90)}[redacted]`,
      });
      expect((error as Error).message).not.toContain(token.slice(0, 8));
    });

    it('retries a 503 with backoff and posts', async () => {
      // Arrange
      sandbox.slack.faults.failNext(2, { status: 503 });
      const notifier = new SlackBotNotifier({
        botToken: sandbox.slack.botToken,
        channel: '#c',
        baseUrl: sandbox.slack.apiBaseUrl,
        http: http(),
        pacer: pacer(),
      });

      // Act
      await notifier.post(MESSAGE);

      // Assert
      expect(waits).toEqual([500, 1000]);
      expect(sandbox.slack.received).toHaveLength(1);
      expect(JSON.stringify(log.entries)).not.toContain(sandbox.slack.botToken);
    });
  });
});
