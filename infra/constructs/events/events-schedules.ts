import { Duration, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { acknowledgeIam5, nagRef } from '../../nag/nag-findings';

/** A daily time in a time zone (EventBridge Scheduler cron fields). */
export interface DailyTime {
  /** Cron hour, e.g. `'9'`. */
  readonly hour: string;
  /** Cron minute, e.g. `'0'`. */
  readonly minute: string;
}

export interface EventsSchedulesProps {
  readonly digest: lambda.IFunction;
  readonly reconcile: lambda.IFunction;
  readonly digestTime: DailyTime;
  readonly reconcileTime: DailyTime;
  /** IANA time zone of both times, e.g. `'Asia/Hong_Kong'`; the digest's days are local days of this zone. */
  readonly timeZone: string;
  /**
   * Whether the schedules invoke their functions.
   * @default true
   */
  readonly enabled?: boolean;
}

/** The payload each schedule sends: the scheduled time, so a retried or late invocation still resolves the same day. */
export const SCHEDULED_INPUT = { scheduledTime: scheduler.ContextAttribute.scheduledTime } as const;

/**
 * The daily digest and the nightly reconciliation, on EventBridge Scheduler with an explicit time zone. Each invokes
 * its function with `{"scheduledTime": …}`; a start more than an hour late is dropped (the next day covers it) rather
 * than retried for a day. One role, allowed to invoke these two functions only.
 */
export class EventsSchedules extends Construct {
  readonly digest: scheduler.Schedule;
  readonly reconcile: scheduler.Schedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: EventsSchedulesProps) {
    super(scope, id);
    const timeZone = TimeZone.of(props.timeZone);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler invoke the compliance events digest and reconciliation',
    });
    const daily = (scheduleId: string, fn: lambda.IFunction, time: DailyTime, description: string) => {
      const schedule = new scheduler.Schedule(this, scheduleId, {
        description,
        schedule: scheduler.ScheduleExpression.cron({ minute: time.minute, hour: time.hour, timeZone }),
        target: new targets.LambdaInvoke(fn, {
          input: scheduler.ScheduleTargetInput.fromObject(SCHEDULED_INPUT),
          maxEventAge: Duration.hours(1),
          retryAttempts: 2,
          role: this.role,
        }),
        enabled: props.enabled ?? true,
      });
      acknowledgeIam5(
        this.role,
        [`Resource::${nagRef(this, fn.functionArn)}:*`],
        'lambda:InvokeFunction on the function and its versions/aliases (CDK LambdaInvoke target grant); one function',
      );
      return schedule;
    };
    this.reconcile = daily(
      'Reconcile',
      props.reconcile,
      props.reconcileTime,
      'Nightly reconciliation of the compliance events latest states with AWS Config',
    );
    this.digest = daily('Digest', props.digest, props.digestTime, 'Daily compliance events digest to Slack');
  }
}
