import { z } from 'zod';
import { redact } from '../../platform/http/http-retry';
import { ConfigError, ExternalServiceError, NotFoundError } from '../../shared/errors';

/** `POST /rest/api/3/search/jql` (the enhanced search that replaced `/rest/api/3/search`): the issues we ask fields of. */
export const SearchResponseSchema = z.object({
  issues: z.array(
    z.object({
      key: z.string(),
      fields: z
        .object({ attachment: z.array(z.object({ filename: z.string() })).optional() })
        .optional()
        .default({}),
    }),
  ),
});

/** `POST /rest/api/3/issue` → 201 `{id, key, self}`. */
export const CreatedIssueSchema = z.object({ id: z.string(), key: z.string() });

/** `POST /rest/api/3/issue/{key}/attachments` → 200 with the created attachments. */
export const AttachmentsResponseSchema = z.array(z.object({ id: z.string(), filename: z.string() })).min(1);

/** Jira's error body: `{errorMessages:[…], errors:{field: message}}`. */
const ErrorBodySchema = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

const describe = (text: string): string => {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { errorMessages = [], errors = {} } = parsed.data;
      const all = [...errorMessages, ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`)];
      if (all.length > 0) return all.join('; ');
    }
  } catch {
    // not JSON: keep the text
  }
  return text.trim() || 'empty answer';
};

/**
 * Turns a Jira 4xx answer into our error: 401/403 → ConfigError (credentials or permissions), 404 → NotFoundError,
 * others (400: a field Jira refused) → ExternalServiceError, not retryable. Jira's own text is cut and redacted.
 */
export const jiraError = (what: string, status: number, text: string, secrets: readonly string[]): Error => {
  const detail = redact(describe(text), secrets).slice(0, 500);
  if (status === 401) {
    return new ConfigError(
      `${what}: jira refused the credentials (HTTP 401); check email and apiToken in the Jira secret`,
    );
  }
  if (status === 403) {
    return new ConfigError(
      `${what}: jira refused permission (HTTP 403: ${detail}); grant the account Create issues and Create attachments in the project`,
    );
  }
  if (status === 404)
    return new NotFoundError(`${what}: not found (HTTP 404: ${detail}); check the Jira project key and site URL`);
  return new ExternalServiceError(`${what} refused (HTTP ${status}: ${detail})`, { service: 'jira', retryable: false });
};
