import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { ComplianceReportStateMachine } from '../constructs/compliance-report-state-machine';
import type { ReportFunction } from '../constructs/report-function';
import { WeeklySchedule } from '../constructs/weekly-schedule';
import { LAMBDA_ENTRIES, type WorkflowFunctionKey, WorkflowFunctions } from '../constructs/workflow-functions';
import type { ReportBucketExports } from './stateful-stack';

export { LAMBDA_ENTRIES };

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** Export names of the report bucket in the stateful stack (add a stack dependency on it). */
  readonly reportBucket: ReportBucketExports;
}

/**
 * Everything that can be replaced freely: the workflow's functions (see WorkflowFunctions for what each may do), the
 * state machine with its alarm, and the weekly schedule.
 */
export class StatelessStack extends Stack {
  readonly functions: Record<WorkflowFunctionKey, ReportFunction>;
  readonly workflow: ComplianceReportStateMachine;
  readonly schedule: WeeklySchedule;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const bucket = s3.Bucket.fromBucketAttributes(this, 'ReportBucket', {
      bucketName: Fn.importValue(props.reportBucket.bucketName),
      bucketArn: Fn.importValue(props.reportBucket.bucketArn),
    });
    const { functions } = new WorkflowFunctions(this, 'Functions', { config, bucket });
    this.functions = functions;
    this.workflow = new ComplianceReportStateMachine(this, 'Workflow', {
      functions: Object.fromEntries(
        Object.entries(functions).map(([key, fn]) => [key, fn.function]),
      ) as unknown as Record<WorkflowFunctionKey, lambda.IFunction>,
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
      value: functions.scanAccount.role.roleArn,
      description: 'HubRoleArn parameter of the member role StackSet (ComplianceReport-<stage>-MemberRole template)',
    });
  }
}
