import { StaticSecretSource } from '../../core/platform/secrets/static-secret-source';
import type { DepsOverrides } from '../../lambdas/_shared/deps';
import type { Sandbox } from '../../sandbox';

/** Name under which a local run keeps the sandbox's Lacework key (as Secrets Manager would in AWS). */
export const SANDBOX_LACEWORK_SECRET = 'sandbox/lacework-api-key';
/** Names of the sandbox's Slack (incoming webhook) and Jira secrets. */
export const SANDBOX_SLACK_SECRET = 'sandbox/slack';
export const SANDBOX_JIRA_SECRET = 'sandbox/jira';

/**
 * How a local run is wired to the sandbox: the Lambda environment it would have in AWS (bucket, member role, regions,
 * Lacework frameworks and secret name) and the dependency overrides (loopback endpoints, static hub credentials,
 * local secrets). Lacework is configured only when the scenario has a `lacework` section; Slack (incoming webhook)
 * and Jira always, pointing at the sandbox's servers.
 */
export const sandboxWiring = (
  sandbox: Sandbox,
): { env: Record<string, string>; overrides: Omit<DepsOverrides, 'logger'> } => {
  const withLacework = sandbox.scenario.lacework !== undefined;
  return {
    env: {
      REPORT_BUCKET: sandbox.bucket,
      MEMBER_ROLE_NAME: sandbox.memberRoleName,
      MEMBER_EXTERNAL_ID: sandbox.externalId,
      REGIONS: sandbox.regions.join(','),
      AWS_REGION: sandbox.region,
      ...(withLacework
        ? { LACEWORK_SECRET_NAME: SANDBOX_LACEWORK_SECRET, FRAMEWORKS: sandbox.lacework.frameworks.join(',') }
        : {}),
      SLACK_SECRET_NAME: SANDBOX_SLACK_SECRET,
      SLACK_API_BASE_URL: sandbox.notify.slack.apiBaseUrl,
      JIRA_SECRET_NAME: SANDBOX_JIRA_SECRET,
      JIRA_PROJECT_KEY: sandbox.notify.jira.projectKey,
    },
    overrides: {
      endpoints: { s3: sandbox.endpoints.s3, aws: sandbox.endpoints.aws },
      hubCredentials: sandbox.hubCredentials,
      secrets: new StaticSecretSource({
        [SANDBOX_LACEWORK_SECRET]: JSON.stringify(sandbox.lacework.key),
        [SANDBOX_SLACK_SECRET]: sandbox.notify.secrets.slackWebhook,
        [SANDBOX_JIRA_SECRET]: sandbox.notify.secrets.jira,
      }),
      laceworkBaseUrl: sandbox.endpoints.lacework,
    },
  };
};
