import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpFaultPlan, type InjectedFault } from './servers/http-fault-plan';
import { handleJiraRequest, type JiraIssueRecord, type JiraSandboxState } from './servers/jira-server';
import { listenOnLoopback } from './servers/loopback';
import { handleSlackRequest, type SlackReceived, type SlackSandboxState } from './servers/slack-server';

export type { HttpFaultPlan, InjectedFault } from './servers/http-fault-plan';

/** Options of {@link startNotifySandbox}. */
export interface NotifySandboxOptions {
  slack?: { faults?: InjectedFault[] };
  jira?: {
    faults?: InjectedFault[];
    /** Every Jira request answers 503. */
    outage?: boolean;
    /** @default - `SEC` */
    projectKey?: string;
  };
}

/** A running notify sandbox: where to point the adapters, the fake secrets, and what the servers received. */
export interface NotifySandbox {
  slack: {
    webhookUrl: string;
    apiBaseUrl: string;
    botToken: string;
    channel: string;
    received: SlackReceived[];
    requests: SlackSandboxState['requests'];
    faults: HttpFaultPlan;
  };
  jira: {
    baseUrl: string;
    email: string;
    apiToken: string;
    projectKey: string;
    issues: JiraIssueRecord[];
    requests: JiraSandboxState['requests'];
    faults: HttpFaultPlan;
  };
  /** Secret values in the shapes the notify functions read (`{webhookUrl}` / `{botToken, channel}` / Jira). */
  secrets: { slackWebhook: string; slackBot: string; jira: string };
  stop(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: string) => Promise<void>;

const listen = async (handle: Handler): Promise<{ url: string; close(): Promise<void> }> => {
  let url = '';
  const server: Server = createServer((req, res) => {
    handle(req, res, url).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  const running = await listenOnLoopback(server);
  url = running.url;
  return running;
};

/**
 * Starts the Slack and Jira servers on loopback (free ports). The tokens are fixed fakes, like the sandbox's AWS
 * credentials: they protect nothing, but the adapters must treat them as secrets, and tests scan logs for them.
 *
 * @example
 * const notify = await startNotifySandbox();
 * const secrets = new StaticSecretSource({ 'compliance-report/slack': notify.secrets.slackWebhook, 'compliance-report/jira': notify.secrets.jira });
 * // SLACK_API_BASE_URL=notify.slack.apiBaseUrl, JIRA_PROJECT_KEY=notify.jira.projectKey
 */
export const startNotifySandbox = async (options: NotifySandboxOptions = {}): Promise<NotifySandbox> => {
  const slackState: SlackSandboxState = {
    webhookPath: '/services/T000/B000/XXXXSANDBOXWEBHOOKSECRET',
    botToken: 'xoxb-sandbox-0000-SECRETBOTTOKEN',
    received: [],
    requests: [],
    faults: new HttpFaultPlan(options.slack?.faults),
  };
  const jiraState: JiraSandboxState = {
    email: 'reports-bot@example.com',
    apiToken: 'ATATT-sandbox-SECRETJIRATOKEN',
    projectKey: options.jira?.projectKey ?? 'SEC',
    issueTypes: ['Task', 'Bug', 'Story'],
    issues: [],
    requests: [],
    faults: new HttpFaultPlan(options.jira?.faults, options.jira?.outage ?? false),
  };
  const slack = await listen((req, res) => handleSlackRequest(req, res, slackState));
  const jira = await listen((req, res, url) => handleJiraRequest(req, res, jiraState, url)).catch(
    async (error: unknown) => {
      await slack.close();
      throw error;
    },
  );
  const webhookUrl = `${slack.url}${slackState.webhookPath}`;
  const channel = '#compliance-reports';
  return {
    slack: {
      webhookUrl,
      apiBaseUrl: `${slack.url}/api`,
      botToken: slackState.botToken,
      channel,
      received: slackState.received,
      requests: slackState.requests,
      faults: slackState.faults,
    },
    jira: {
      baseUrl: jira.url,
      email: jiraState.email,
      apiToken: jiraState.apiToken,
      projectKey: jiraState.projectKey,
      issues: jiraState.issues,
      requests: jiraState.requests,
      faults: jiraState.faults,
    },
    secrets: {
      slackWebhook: JSON.stringify({ webhookUrl }),
      slackBot: JSON.stringify({ botToken: slackState.botToken, channel }),
      jira: JSON.stringify({ baseUrl: jira.url, email: jiraState.email, apiToken: jiraState.apiToken }),
    },
    stop: async () => {
      await Promise.all([slack.close(), jira.close()]);
    },
  };
};
