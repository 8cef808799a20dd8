import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { ComplianceReportStateMachine } from '../constructs/compliance-report-state-machine';
import { ReportFunction, type ReportFunctionEnvironment } from '../constructs/report-function';
import { WeeklySchedule } from '../constructs/weekly-schedule';
import { acknowledgeIam5, nagRef } from '../nag/nag-findings';
import type { ReportBucketExports } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** Export names of the report bucket in the stateful stack (add a stack dependency on it). */
  readonly reportBucket: ReportBucketExports;
}

/** Handler entry files, one per function (written by the lambdas/ owners; each exports `handler`). */
export const LAMBDA_ENTRIES = {
  resolveRun: 'lambdas/resolve-run/index.ts',
  listAccounts: 'lambdas/list-accounts/index.ts',
  scanAccount: 'lambdas/scan-account/index.ts',
  buildReports: 'lambdas/build-reports/index.ts',
} as const;

/**
 * Everything that can be replaced freely: the four functions, the workflow with its alarm, and the weekly schedule.
 * Each function gets only what it needs: List accounts reads Organizations and writes `accounts.json`; Scan account
 * assumes the member role (by name, in any account) and writes its partial; Build reports reads and writes the bucket.
 */
export class StatelessStack extends Stack {
  readonly functions: Record<keyof typeof LAMBDA_ENTRIES, ReportFunction>;
  readonly workflow: ComplianceReportStateMachine;
  readonly schedule: WeeklySchedule;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const bucket = s3.Bucket.fromBucketAttributes(this, 'ReportBucket', {
      bucketName: Fn.importValue(props.reportBucket.bucketName),
      bucketArn: Fn.importValue(props.reportBucket.bucketArn),
    });
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
    };
    const common = { environment, logRetention: config.logRetentionDays, logLevel: config.logLevel };

    const resolveRun = new ReportFunction(this, 'ResolveRun', {
      ...common,
      entry: LAMBDA_ENTRIES.resolveRun,
      description: 'Resolve run: validates the execution input and resolves the reporting week',
      memorySize: 256,
      timeout: Duration.seconds(30),
    });

    const listAccounts = new ReportFunction(this, 'ListAccounts', {
      ...common,
      entry: LAMBDA_ENTRIES.listAccounts,
      description: 'List accounts: active organization accounts after filters',
      memorySize: config.lambdaMemoryMb,
      timeout: Duration.minutes(5),
    });
    listAccounts.bindReportBucket(bucket, 'write');
    listAccounts.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['organizations:ListAccounts'], resources: ['*'] }),
    );
    acknowledgeIam5(
      listAccounts.role,
      ['Resource::*'],
      'organizations:ListAccounts and X-Ray trace writes have no resource-level permissions',
    );

    const scanAccount = new ReportFunction(this, 'ScanAccount', {
      ...common,
      entry: LAMBDA_ENTRIES.scanAccount,
      description: 'Scan account: AWS Config compliance of one member account through its read-only role',
      memorySize: config.lambdaMemoryMb,
      timeout: Duration.minutes(config.scanTimeoutMinutes),
    });
    scanAccount.bindReportBucket(bucket, 'write');
    const memberRoles = this.formatArn({
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
      `the scan assumes the member role ${config.memberRoleName} in every organization account (listed at run time); the role's trust requires this role and the ExternalId`,
    );

    const buildReports = new ReportFunction(this, 'BuildReports', {
      ...common,
      entry: LAMBDA_ENTRIES.buildReports,
      description: 'Build reports: merges the partials into the workbook, CSVs and summaries',
      memorySize: config.buildReportsMemoryMb,
      timeout: Duration.minutes(15),
    });
    buildReports.bindReportBucket(bucket, 'read-write');

    this.functions = { resolveRun, listAccounts, scanAccount, buildReports };
    this.workflow = new ComplianceReportStateMachine(this, 'Workflow', {
      functions: {
        resolveRun: resolveRun.function,
        listAccounts: listAccounts.function,
        scanAccount: scanAccount.function,
        buildReports: buildReports.function,
      },
      bucket,
      mapConcurrency: config.mapConcurrency,
      toleratedFailurePercentage: config.toleratedFailurePercentage,
      logRetention: config.logRetentionDays,
    });

    this.schedule = new WeeklySchedule(this, 'WeeklySchedule', {
      stateMachine: this.workflow.stateMachine,
      ...config.schedule,
      enabled: config.scheduleEnabled,
    });

    new CfnOutput(this, 'StateMachineArn', {
      value: this.workflow.stateMachine.stateMachineArn,
      description:
        'aws stepfunctions start-execution --state-machine-arn <this> --input \'{"startDate":"YYYY-MM-DD"}\'',
    });
    new CfnOutput(this, 'ScanAccountRoleArn', {
      value: scanAccount.role.roleArn,
      description: 'HubRoleArn parameter of the member role StackSet (ComplianceReport-<stage>-MemberRole template)',
    });
  }
}
