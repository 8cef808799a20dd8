import { Match, Template } from 'aws-cdk-lib/assertions';
import { RETRYABLE_ERROR_NAMES } from '../../../core/shared/errors';
import { StateNames } from '../../../statemachines/state-names';
import { buildTestApp, definitionOf } from './app-fixture';

const { stateless } = buildTestApp('dev', {
  scheduleEnabled: true,
  mapConcurrency: 30,
  toleratedFailurePercentage: 5,
  laceworkSecretName: 'compliance/lacework',
  slackSecretName: 'compliance/slack',
  jiraSecretName: 'compliance/jira',
  jiraProjectKey: 'SEC',
  configRequestsPerSecond: 5,
});
const template = Template.fromStack(stateless);

/** Function roles are `Functions<Name>Role…` (the WorkflowFunctions construct holds them). */
const role = (name: string) => `Functions${name}Role`;

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
const statementsOfRole = (rolePrefix: string): Statement[] =>
  Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([logicalId]) => logicalId.startsWith(rolePrefix))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
const actionsOf = (statements: Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('StatelessStack', () => {
  describe('weekly schedule', () => {
    it('starts the workflow on Mondays at 09:00 Hong Kong time with the scheduled time as input', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 9 ? * MON *)',
        ScheduleExpressionTimezone: 'Asia/Hong_Kong',
        State: 'ENABLED',
        Target: {
          Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
          RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 2 },
        },
      });
    });
  });

  describe('state machine', () => {
    it('is a standard workflow with logs at level ALL, tracing and a timeout', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: true, Destinations: Match.anyValue() },
      });
      expect(definitionOf(template).TimeoutSeconds).toBe(6 * 3600);
    });

    it('keeps its execution logs for the stage retention', () => {
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    // The items come from accounts.json through ItemReader (no inline id list, no ItemsPath).
    it('renders the Distributed Map with its settings, an ItemReader and a ResultWriter on the report bucket', () => {
      // Act
      const states = definitionOf(template).States as Record<string, Record<string, unknown>>;
      const branches = states[StateNames.scanAndFetch]?.Branches as { States: Record<string, unknown> }[];
      const map = branches[0]?.States[StateNames.scanAccounts] as Record<string, unknown>;

      // Assert
      expect(map).not.toHaveProperty('ItemsPath');
      expect(map).toMatchObject({
        ItemReader: {
          Resource: 'arn:<ref>:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: { Bucket: '<ref>', 'Key.$': '$.accounts.key' },
        },
        ItemSelector: expect.objectContaining({ 'accountId.$': '$$.Map.Item.Value.id' }),
        MaxConcurrency: 30,
        ToleratedFailurePercentage: 5,
        Label: 'ScanAccounts',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
        ResultWriter: {
          Resource: 'arn:<ref>:states:::s3:putObject',
          Parameters: { Bucket: '<ref>', 'Prefix.$': "States.Format('runs/{}/map', $.run.runId)" },
        },
      });
    });

    it('gives every Task a TimeoutSeconds a little above its function timeout', () => {
      // Arrange
      const tasks: Record<string, unknown>[] = [];
      const collect = (states: Record<string, Record<string, unknown>>) => {
        for (const state of Object.values(states)) {
          if (state.Type === 'Task') tasks.push(state);
          for (const branch of (state.Branches as { States: Record<string, Record<string, unknown>> }[]) ?? [])
            collect(branch.States);
          const processor = state.ItemProcessor as { States: Record<string, Record<string, unknown>> } | undefined;
          if (processor) collect(processor.States);
        }
      };

      // Act
      collect(definitionOf(template).States as Record<string, Record<string, unknown>>);

      // Assert: 9 Lambda tasks; Scan account's function has the stage's scanTimeoutMinutes (10) → 600 s + 30 s.
      expect(tasks).toHaveLength(9);
      for (const task of tasks) expect(task.TimeoutSeconds).toEqual(expect.any(Number));
      const byComment = (text: string) => tasks.find((t) => String(t.Comment ?? '').includes(text));
      expect(byComment('ItemSelector output')?.TimeoutSeconds).toBe(630);
    });

    it('ends a failed account in a Fail state with the caught error and cause', () => {
      // Act
      const states = definitionOf(template).States as Record<string, Record<string, unknown>>;
      const branches = states[StateNames.scanAndFetch]?.Branches as {
        States: Record<string, Record<string, unknown>>;
      }[];
      const map = branches[0]?.States[StateNames.scanAccounts] as
        | { ItemProcessor: { States: Record<string, Record<string, unknown>> } }
        | undefined;
      const processor = map?.ItemProcessor ?? { States: {} };

      // Assert
      expect(processor.States[StateNames.scanAccount]?.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: StateNames.recordFailedAccount },
      ]);
      expect(processor.States[StateNames.recordFailedAccount]).toMatchObject({
        Type: 'Pass',
        Next: StateNames.accountFailed,
      });
      expect(processor.States[StateNames.accountFailed]).toEqual({
        Type: 'Fail',
        Comment: expect.any(String),
        ErrorPath: '$.error.Error',
        CausePath: '$.error.Cause',
      });
    });

    it('alarms on any failed or timed-out execution within an hour', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({ MetricName: 'ExecutionsFailed' }),
              Period: 3600,
            }),
          }),
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({ MetricName: 'ExecutionsTimedOut' }),
              Period: 3600,
            }),
          }),
        ]),
      });
    });
  });

  describe('functions', () => {
    it('runs every function on Node.js 24, arm64, traced, with Powertools and source-map env', () => {
      // Act
      const functions = Object.values(template.findResources('AWS::Lambda::Function'));

      // Assert
      expect(functions).toHaveLength(9);
      for (const fn of functions) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          Environment: {
            Variables: expect.objectContaining({
              POWERTOOLS_SERVICE_NAME: 'aws-config-compliance',
              POWERTOOLS_LOG_LEVEL: 'INFO',
              NODE_OPTIONS: '--enable-source-maps',
              MEMBER_ROLE_NAME: 'ComplianceReader',
              REGIONS: 'us-east-1,ap-east-1',
            }),
          },
        });
      }
    });

    it('gives each function an explicit log group with retention', () => {
      // Act
      const functions = Object.values(template.findResources('AWS::Lambda::Function'));

      // Assert
      for (const fn of functions)
        expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/LogGroup/) });
      template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 10);
    });

    it('gives Build reports more memory and 15 minutes', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^Build reports'),
        MemorySize: 2048,
        Timeout: 900,
      });
    });

    it('attaches no managed policy to any function role', () => {
      for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('IAM scope', () => {
    it('lets Scan account assume only the member role name, in any account', () => {
      // Act
      const assume = statementsOfRole(role('ScanAccount')).filter((s) => actionsOf([s]).includes('sts:AssumeRole'));

      // Assert
      expect(assume).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/ComplianceReader']] },
        }),
      ]);
      expect(actionsOf(statementsOfRole(role('ScanAccount')))).not.toContain('organizations:ListAccounts');
    });

    it('lets only List accounts call organizations:ListAccounts', () => {
      expect(actionsOf(statementsOfRole(role('ListAccounts')))).toContain('organizations:ListAccounts');
      for (const name of ['ResolveRun', 'ScanAccount', 'FetchLaceworkAlerts', 'BuildReports', 'PostToSlack']) {
        expect(actionsOf(statementsOfRole(role(name)))).not.toContain('organizations:ListAccounts');
      }
    });

    it('grants bucket access per function: none to Resolve run, write to the scanners, read and write to Build reports', () => {
      const s3Actions = (name: string) => actionsOf(statementsOfRole(role(name))).filter((a) => a.startsWith('s3:'));
      expect(s3Actions('ResolveRun')).toEqual([]);
      expect(s3Actions('NotifyFailure')).toEqual([]);
      expect(s3Actions('ListAccounts')).toContain('s3:PutObject');
      expect(s3Actions('ListAccounts')).not.toContain('s3:GetObject*');
      // Scan account's role is shared with Trace changes, which reads the account's partial.
      expect(s3Actions('ScanAccount')).toEqual(expect.arrayContaining(['s3:GetObject*', 's3:PutObject']));
      expect(s3Actions('BuildReports')).toEqual(expect.arrayContaining(['s3:GetObject*', 's3:List*', 's3:PutObject']));
      for (const name of ['ListAccounts', 'ScanAccount', 'BuildReports', 'PostToSlack', 'CreateJiraTicket']) {
        expect(s3Actions(name)).not.toContain('s3:DeleteObject*');
      }
    });

    it('lets each function read only its own secrets, by name', () => {
      // Arrange
      const secretReads = (name: string) =>
        statementsOfRole(role(name))
          .filter((s) => actionsOf([s]).includes('secretsmanager:GetSecretValue'))
          .map((s) => JSON.stringify(s.Resource));

      // Act + Assert
      for (const name of ['ScanAccount', 'FetchLaceworkAlerts', 'BuildReports']) {
        expect(secretReads(name)).toEqual([expect.stringContaining('secret:compliance/lacework-??????')]);
      }
      for (const name of ['PostToSlack', 'NotifyFailure']) {
        expect(secretReads(name)).toEqual([expect.stringContaining('secret:compliance/slack-??????')]);
      }
      expect(secretReads('CreateJiraTicket')).toEqual([expect.stringContaining('secret:compliance/jira-??????')]);
      for (const name of ['ResolveRun', 'ListAccounts']) expect(secretReads(name)).toEqual([]);
    });

    it('names the secrets, never their values, in the function environment', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^Post to Slack'),
        Environment: {
          Variables: Match.objectLike({
            SLACK_SECRET_NAME: 'compliance/slack',
            JIRA_SECRET_NAME: 'compliance/jira',
            JIRA_PROJECT_KEY: 'SEC',
            LACEWORK_SECRET_NAME: 'compliance/lacework',
            LINK_EXPIRY_SECONDS: '604800',
            CONFIG_MAX_REQUESTS_PER_SECOND: '5',
            TRACE_LIMIT: '50',
          }),
        },
      });
    });

    it('retries the tasks on the retryable error names in the deployed definition', () => {
      // Act
      const states = definitionOf(template).States as Record<string, { Retry?: { ErrorEquals: string[] }[] }>;

      // Assert
      const retried = (name: string) => (states[name]?.Retry ?? []).flatMap((r) => r.ErrorEquals);
      expect(retried(StateNames.listAccounts)).toEqual(expect.arrayContaining([...RETRYABLE_ERROR_NAMES]));
    });
  });

  it('outputs the state machine ARN and the scan role ARN the member role StackSet trusts', () => {
    template.hasOutput('StateMachineArn', { Value: { Ref: Match.stringLikeRegexp('^WorkflowStateMachine') } });
    template.hasOutput('ScanAccountRoleArn', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FunctionsScanAccountRole'), 'Arn'] },
    });
  });
});
