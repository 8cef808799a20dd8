import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { acknowledgeIam5, nagRef } from '../nag/nag-findings';
import { ReportFunction, type ReportFunctionEnvironment } from './report-function';

/** Handler entry files, one per function (each exports `handler`). */
export const LAMBDA_ENTRIES = {
  resolveRun: 'lambdas/resolve-run/index.ts',
  listAccounts: 'lambdas/list-accounts/index.ts',
  scanAccount: 'lambdas/scan-account/index.ts',
  traceChanges: 'lambdas/trace-changes/index.ts',
  fetchLaceworkAlerts: 'lambdas/fetch-lacework-alerts/index.ts',
  buildReports: 'lambdas/build-reports/index.ts',
  postToSlack: 'lambdas/post-to-slack/index.ts',
  createJiraTicket: 'lambdas/create-jira-ticket/index.ts',
  notifyFailure: 'lambdas/notify-failure/index.ts',
} as const;

export type WorkflowFunctionKey = keyof typeof LAMBDA_ENTRIES;

export interface WorkflowFunctionsProps {
  readonly config: StageConfig;
  readonly bucket: s3.IBucket;
}

/**
 * The workflow's eight functions, each with only what it needs: List accounts reads Organizations; Scan account assumes
 * the member role (by name, in any account); the Lacework, Slack and Jira steps read their own secret and nothing else;
 * every function reads or writes the report bucket as its step requires. Secrets are read at run time by name.
 */
export class WorkflowFunctions extends Construct {
  readonly functions: Record<WorkflowFunctionKey, ReportFunction>;

  constructor(scope: Construct, id: string, props: WorkflowFunctionsProps) {
    super(scope, id);
    const { config, bucket } = props;
    const environment: ReportFunctionEnvironment = {
      POWERTOOLS_SERVICE_NAME: config.serviceName,
      REPORT_BUCKET: bucket.bucketName,
      MEMBER_ROLE_NAME: config.memberRoleName,
      MEMBER_EXTERNAL_ID: config.externalId,
      REGIONS: config.regions.join(','),
      FRAMEWORKS: config.frameworks.join(','),
      REPORT_TIME_ZONE: config.schedule.timeZone,
      INCLUDE_ACCOUNTS: config.includeAccounts.join(','),
      EXCLUDE_ACCOUNTS: config.excludeAccounts.join(','),
      JIRA_ISSUE_TYPE: config.jiraIssueType,
      LINK_EXPIRY_SECONDS: String(config.linkExpiryDays * 86_400),
      TRACE_LIMIT: String(config.traceLimit),
      ...(config.laceworkSecretName ? { LACEWORK_SECRET_NAME: config.laceworkSecretName } : {}),
      ...(config.laceworkAlertsFramework ? { LACEWORK_ALERTS_FRAMEWORK: config.laceworkAlertsFramework } : {}),
      ...(config.slackSecretName ? { SLACK_SECRET_NAME: config.slackSecretName } : {}),
      ...(config.jiraSecretName ? { JIRA_SECRET_NAME: config.jiraSecretName } : {}),
      ...(config.jiraProjectKey ? { JIRA_PROJECT_KEY: config.jiraProjectKey } : {}),
      ...(config.configRequestsPerSecond
        ? { CONFIG_MAX_REQUESTS_PER_SECOND: String(config.configRequestsPerSecond) }
        : {}),
    };
    const make = (
      key: WorkflowFunctionKey,
      description: string,
      memorySize: number,
      timeout: Duration,
      role?: ReportFunction['role'],
    ) =>
      new ReportFunction(this, key.charAt(0).toUpperCase() + key.slice(1), {
        role,
        entry: LAMBDA_ENTRIES[key],
        description,
        environment,
        memorySize,
        timeout,
        logRetention: config.logRetentionDays,
        logLevel: config.logLevel,
      });
    const mem = config.lambdaMemoryMb;

    const resolveRun = make(
      'resolveRun',
      'Resolve run: validates the input, resolves the week',
      256,
      Duration.seconds(30),
    );
    const listAccounts = make('listAccounts', 'List accounts: active organization accounts', mem, Duration.minutes(5));
    listAccounts.bindReportBucket(bucket, 'write');
    listAccounts.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['organizations:ListAccounts'], resources: ['*'] }),
    );
    acknowledgeIam5(
      listAccounts.role,
      ['Resource::*'],
      'organizations:ListAccounts and X-Ray trace writes have no resource-level permissions',
    );

    const scanAccount = make(
      'scanAccount',
      'Scan account: AWS Config (member role) and Lacework compliance of one account',
      mem,
      Duration.minutes(config.scanTimeoutMinutes),
    );
    scanAccount.bindReportBucket(bucket, 'write');
    const memberRoles = Stack.of(this).formatArn({
      service: 'iam',
      region: '',
      account: '*',
      resource: 'role',
      resourceName: config.memberRoleName,
    });
    scanAccount.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [memberRoles] }),
    );
    acknowledgeIam5(
      scanAccount.role,
      [`Resource::${nagRef(this, memberRoles)}`],
      `Scan account and Trace changes assume the member role ${config.memberRoleName} in every organization account (listed at run time); the role's trust requires this role and the ExternalId`,
    );
    // Same role as Scan account: the member roles trust exactly one hub role (the StackSet's HubRoleArn).
    const traceChanges = make(
      'traceChanges',
      'Trace changes: who made the account resources non-compliant (Config history, CloudTrail)',
      mem,
      Duration.minutes(config.scanTimeoutMinutes),
      scanAccount.role,
    );
    scanAccount.bindReportBucket(bucket, 'read');

    const fetchLaceworkAlerts = make(
      'fetchLaceworkAlerts',
      'Fetch Lacework alerts: org-wide compliance alerts of the range',
      mem,
      Duration.minutes(10),
    );
    fetchLaceworkAlerts.bindReportBucket(bucket, 'read-write');

    const buildReports = make(
      'buildReports',
      'Build reports: merges the partials into the workbook, CSVs and summaries',
      config.buildReportsMemoryMb,
      Duration.minutes(15),
    );
    buildReports.bindReportBucket(bucket, 'read-write');

    const postToSlack = make('postToSlack', 'Post to Slack: the run summary', 256, Duration.minutes(2));
    postToSlack.bindReportBucket(bucket, 'read-write');
    const createJiraTicket = make('createJiraTicket', 'Create Jira ticket: review ticket', 512, Duration.minutes(3));
    createJiraTicket.bindReportBucket(bucket, 'read-write');
    const notifyFailure = make(
      'notifyFailure',
      'Notify failure: posts a failed run to Slack',
      256,
      Duration.minutes(2),
    );

    this.grantSecret('LaceworkSecret', config.laceworkSecretName, [scanAccount, fetchLaceworkAlerts, buildReports]);
    this.grantSecret('SlackSecret', config.slackSecretName, [postToSlack, notifyFailure]);
    this.grantSecret('JiraSecret', config.jiraSecretName, [createJiraTicket]);

    this.functions = {
      resolveRun,
      listAccounts,
      scanAccount,
      traceChanges,
      fetchLaceworkAlerts,
      buildReports,
      postToSlack,
      createJiraTicket,
      notifyFailure,
    };
  }

  /** Lets `readers` read the named secret (by name: Secrets Manager appends a random suffix to the ARN). */
  private grantSecret(id: string, name: string | undefined, readers: ReportFunction[]): void {
    if (!name) return;
    const secret = secretsmanager.Secret.fromSecretNameV2(this, id, name);
    for (const reader of readers) {
      secret.grantRead(reader.function);
      acknowledgeIam5(
        reader.role,
        [`Resource::${nagRef(this, `${secret.secretArn}-??????`)}`],
        `reads the ${name} secret at run time; a secret named without its ARN suffix is matched with -?????? (CDK fromSecretNameV2)`,
      );
    }
  }
}
