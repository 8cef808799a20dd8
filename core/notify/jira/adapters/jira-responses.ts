import { z } from 'zod';
import { ConfigError, ExternalServiceError, NotFoundError } from '../../../shared/errors';

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

/** Jira's error text: `errorMessages` and `field: message` pairs joined, or undefined for another body (the raw text). */
export const jiraErrorBody = (body: unknown): string | undefined => {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { errorMessages = [], errors = {} } = parsed.data;
  const all = [...errorMessages, ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`)];
  return all.length > 0 ? all.join('; ') : undefined;
};

/** Longest Jira error text quoted in a message. */
export const JIRA_ERROR_MAX_CHARS = 500;

/**
 * Turns a Jira 4xx answer into our error: 401/403 → ConfigError (credentials or permissions), 404 → NotFoundError,
 * others (400: a field Jira refused) → ExternalServiceError, not retryable. `detail` is the answer's message: Jira's
 * own text read by {@link jiraErrorBody}, redacted then cut by the transport.
 */
export const jiraError = (what: string, status: number, detail: string): Error => {
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
