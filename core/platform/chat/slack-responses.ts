import { z } from 'zod';
import { ConfigError, ExternalServiceError } from '../../shared/errors';
import { redact } from '../http/http-retry';

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

/**
 * Turns a Slack error code (`ok:false` error or webhook body) into our error: ConfigError for settings problems,
 * ExternalServiceError otherwise (`retryable` for Slack-side failures). The code is cut and redacted: remote text
 * never carries a secret into a message.
 */
export const slackError = (what: string, code: string, secrets: readonly string[]): Error => {
  const safe = redact(code.trim().slice(0, 100), secrets) || 'empty answer';
  if (CONFIG_ERRORS.has(safe)) {
    return new ConfigError(
      `${what} refused: ${safe}; check the Slack secret (webhook URL, or bot token and channel) and that the app is in the channel`,
    );
  }
  return new ExternalServiceError(`${what} refused the message: ${safe}`, {
    service: 'slack',
    retryable: RETRYABLE_ERRORS.has(safe),
  });
};
