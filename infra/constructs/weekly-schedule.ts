import { Duration, TimeZone } from 'aws-cdk-lib';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface WeeklyScheduleProps {
  readonly stateMachine: sfn.IStateMachine;
  /** Cron minute, e.g. `'0'`. */
  readonly minute: string;
  /** Cron hour, e.g. `'9'`. */
  readonly hour: string;
  /** Cron day of week, e.g. `'MON'`. */
  readonly weekDay: string;
  /** IANA time zone of minute/hour/weekDay, e.g. `'Asia/Hong_Kong'`. */
  readonly timeZone: string;
  /**
   * Whether the schedule starts executions.
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * The weekly EventBridge Scheduler schedule that starts the workflow with `{"scheduledTime": <scheduled time>}`, so a
 * retried or late start still resolves the same reporting week. Retries are bounded: a start an hour late is dropped
 * (the next week's run, or a manual start, covers it) rather than retried 185 times over a day.
 */
export class WeeklySchedule extends Construct {
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: WeeklyScheduleProps) {
    super(scope, id);
    const target = new targets.StepFunctionsStartExecution(props.stateMachine, {
      input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
      maxEventAge: Duration.hours(1),
      retryAttempts: 2,
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Starts the weekly compliance report',
      schedule: scheduler.ScheduleExpression.cron({
        minute: props.minute,
        hour: props.hour,
        weekDay: props.weekDay,
        timeZone: TimeZone.of(props.timeZone),
      }),
      target,
      enabled: props.enabled ?? true,
    });
  }
}
