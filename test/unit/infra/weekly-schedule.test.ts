import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { WeeklySchedule } from '../../../infra/constructs/weekly-schedule';

const stack = new Stack();
const stateMachine = new sfn.StateMachine(stack, 'StateMachine', {
  definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')),
});
new WeeklySchedule(stack, 'Weekly', {
  stateMachine,
  minute: '30',
  hour: '7',
  weekDay: 'TUE',
  timeZone: 'Europe/London',
  enabled: false,
});
const template = Template.fromStack(stack);

describe('WeeklySchedule', () => {
  it('renders the cron fields in the given time zone', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 7 ? * TUE *)',
      ScheduleExpressionTimezone: 'Europe/London',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
  });

  it('deploys a disabled schedule when asked', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', { State: 'DISABLED' });
  });

  it('lets the scheduler role start executions of this state machine only', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: 'StateMachine2E01A3A5' } }],
      },
    });
  });
});
