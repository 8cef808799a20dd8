import { z } from 'zod';
import { ConfigError, ExternalServiceError } from '../../shared/errors';
import { stringField } from '../http/error-body';
import { createHttpTransport, type HttpCaller, type HttpTransport } from '../http/http-transport';
import { Redactor } from '../http/redact';

/** `chat.postMessage`'s answer: `{ok:true, channel, ts}` or `{ok:false, error}` (Slack answers HTTP 200 for both). */
export const PostMessageResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), channel: z.string(), ts: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Slack error codes that mean the settings are wrong (fix the secret or invite the bot), not a passing failure. */
const CONFIG_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'no_service',
  'no_team',
  'team_disabled',
  'invalid_token',
  'action_prohibited',
  'channel_is_archived',
]);

/** Slack error codes worth a later retry. */
const RETRYABLE_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

/** Slack error text: the `error` of an `{ok:false, error}` answer, else the body (a webhook answers plain text). */
const slackErrorBody = (body: unknown): string | undefined => stringField(body, 'error');

/** Longest Slack error code quoted in a message: the codes are short, anything longer is not one. */
const SLACK_ERROR_MAX_CHARS = 100;

/**
 * The transport of one Slack notifier: `secret` (the webhook URL or the bot token) is redacted from every error text,
 * and an answer's `message` is Slack's error code, redacted then cut.
 */
export const slackTransport = (http: HttpCaller, secret: string): HttpTransport =>
  createHttpTransport(http, {
    redactor: new Redactor([secret]),
    errorBody: slackErrorBody,
    maxMessageChars: SLACK_ERROR_MAX_CHARS,
  });

/**
 * Turns a Slack error code (an answer's `message`: the `ok:false` error or the webhook body, already redacted and
 * cut by {@link slackTransport}) into our error: ConfigError for settings problems, ExternalServiceError otherwise
 * (`retryable` for Slack-side failures).
 */
export const slackError = (what: string, code: string): Error => {
  if (CONFIG_ERRORS.has(code)) {
    return new ConfigError(
      `${what} refused: ${code}; check the Slack secret (webhook URL, or bot token and channel) and that the app is in the channel`,
    );
  }
  return new ExternalServiceError(`${what} refused the message: ${code}`, {
    service: 'slack',
    retryable: RETRYABLE_ERRORS.has(code),
  });
};
