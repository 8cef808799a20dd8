import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  buildComplianceReportChain,
  type ComplianceReportFunctions,
  MAP_RUN_LABEL,
} from '../../statemachines/compliance-report.chain';
import { acknowledgeIam5, nagRef } from '../nag/nag-findings';

export interface ComplianceReportStateMachineProps {
  readonly functions: ComplianceReportFunctions;
  readonly bucket: s3.IBucket;
  readonly mapConcurrency: number;
  readonly toleratedFailurePercentage: number;
  /**
   * Days the execution log group keeps logs.
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Longest a whole run may take.
   * @default Duration.hours(6)
   */
  readonly timeout?: Duration;
}

/**
 * The compliance report workflow (statemachines/compliance-report.chain.ts) as a STANDARD state machine with execution
 * logs (level ALL, with data) in an explicit log group, X-Ray tracing, and an alarm on failed or timed-out executions.
 * IAM comes from the chain: invoke of the four functions, the Distributed Map's child executions, the ResultWriter.
 */
export class ComplianceReportStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;
  /** ≥ 1 execution failed or timed out within an hour. */
  readonly failureAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ComplianceReportStateMachineProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const chain = buildComplianceReportChain(this, {
      functions: props.functions,
      bucket: props.bucket,
      mapConcurrency: props.mapConcurrency,
      toleratedFailurePercentage: props.toleratedFailurePercentage,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      definitionBody: sfn.DefinitionBody.fromChainable(chain),
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment: 'Weekly AWS Config compliance report: resolve run, list accounts, scan each account, build reports',
      timeout: props.timeout ?? Duration.hours(6),
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });

    this.acknowledgeChainPermissions(props);

    const period = Duration.hours(1);
    const failures = new cloudwatch.MathExpression({
      label: 'Failed or timed-out executions',
      expression: 'failed + timedOut',
      usingMetrics: {
        failed: this.stateMachine.metricFailed({ period, statistic: 'Sum' }),
        timedOut: this.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      },
      period,
    });
    this.failureAlarm = failures.createAlarm(this, 'FailureAlarm', {
      alarmDescription:
        'A compliance report execution failed or timed out; open the execution in the Step Functions console',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** The wildcards CDK derives from the chain, each acknowledged with why it cannot be narrower. */
  private acknowledgeChainPermissions(props: ComplianceReportStateMachineProps): void {
    const stack = Stack.of(this);
    const sm = this.stateMachine;
    acknowledgeIam5(
      sm,
      Object.values(props.functions).map((fn) => `Resource::${nagRef(this, fn.functionArn)}:*`),
      'CDK LambdaInvoke grants lambda:InvokeFunction on the function and its versions/aliases (<arn>:*); only these four functions',
    );
    acknowledgeIam5(
      sm,
      [
        `Resource::${nagRef(this, stack.formatArn({ service: 's3', region: '', account: '', resource: props.bucket.bucketName, resourceName: '*' }))}`,
      ],
      'the Distributed Map ResultWriter writes runs/<runId>/map/<map run id>/… objects whose keys are only known at run time',
    );
    acknowledgeIam5(
      sm,
      ['Resource::*'],
      'CloudWatch Logs delivery (logs:CreateLogDelivery, PutResourcePolicy, …) and X-Ray trace writes have no resource-level permissions',
    );
    const name = stack.splitArn(sm.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName ?? '';
    const executions = (suffix: string) =>
      `Resource::${nagRef(this, stack.formatArn({ service: 'states', resource: 'execution', arnFormat: ArnFormat.COLON_RESOURCE_NAME, resourceName: `${name}${suffix}` }))}`;
    acknowledgeIam5(
      sm,
      [executions(':*'), executions(`/${MAP_RUN_LABEL}:*`)],
      'the Distributed Map describes and stops its own child executions, whose names are generated per map run',
    );
  }
}
