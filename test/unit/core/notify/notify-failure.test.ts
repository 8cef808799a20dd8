import { buildFailureMessage, CAUSE_CHARS_SHOWN, readableCause } from '../../../../core/notify/notify-failure.service';

const CONSOLE = 'https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/arn';

describe('buildFailureMessage', () => {
  it('names the failed state, the error, the Lambda error message and links the execution', () => {
    // Arrange
    const cause = JSON.stringify({
      errorType: 'NoAccountsFound',
      errorMessage: 'no account to scan after filters (include: none, exclude: 1); check the accounts filters',
      trace: ['NoAccountsFoundError: no account', '    at listAccounts (core/scan/list-accounts.service.ts:40:11)'],
    });

    // Act
    const message = buildFailureMessage({
      executionName: 'run-1',
      stateName: 'List accounts',
      error: 'NoAccountsFound',
      cause,
      consoleUrl: CONSOLE,
      run: { runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' },
    });

    // Assert
    expect(message.text).toBe(
      'Compliance report run run-1 failed in List accounts: NoAccountsFound (2026-11-02 to 2026-11-08)',
    );
    expect(message.blocks).toEqual([
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: ':rotating_light: Compliance report run failed (2026-11-02 to 2026-11-08)',
          emoji: true,
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Failed state*\nList accounts' },
          { type: 'mrkdwn', text: '*Error*\n`NoAccountsFound`' },
        ],
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Cause*\n```no account to scan after filters (include: none, exclude: 1); check the accounts filters```',
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Open the execution', emoji: true },
            url: CONSOLE,
            action_id: 'open-execution',
            style: 'danger',
          },
        ],
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'Execution `run-1`' },
          { type: 'mrkdwn', text: 'Run `run-1`' },
        ],
      },
    ]);
  });

  it('cuts a long plain-text cause and says the state is unknown when the chain does not tell', () => {
    // Act
    const message = buildFailureMessage({
      executionName: 'x',
      error: 'States.Timeout',
      cause: 'y'.repeat(10_000),
      consoleUrl: CONSOLE,
    });

    // Assert
    expect(message.text).toBe('Compliance report run x failed in unknown (see the execution): States.Timeout');
    const cause = message.blocks[2];
    expect(cause?.type === 'section' && cause.text?.text.length).toBeLessThanOrEqual(CAUSE_CHARS_SHOWN + 20);
  });
  it('tells what to do when too many accounts failed: list them, fix the cause, redrive the same execution', () => {
    // Arrange
    const executionArn = 'arn:aws:states:us-east-1:111111111111:execution:ComplianceReport-prod:run_2026-11-16';

    // Act
    const message = buildFailureMessage({
      executionArn,
      executionName: 'run_2026-11-16',
      stateName: 'Scan accounts',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
      consoleUrl: CONSOLE,
    });

    // Assert
    const texts = message.blocks.map((block) => (block.type === 'section' ? block.text?.text : undefined));
    expect(texts).toContainEqual(
      [
        '*What to do*',
        'More accounts failed to scan than the stage tolerates. List them and their causes, fix the cause (e.g. deploy the',
        'member role), then redrive: only the failed accounts are scanned again and the same run gets its reports.',
        `\`npm run cli -- failed ${executionArn}\``,
        `\`npm run cli -- redrive ${executionArn}\``,
      ].join('\n'),
    );
  });

  it('gives no next step for other failures', () => {
    const message = buildFailureMessage({
      executionName: 'x',
      error: 'NoAccountsFound',
      cause: 'c',
      consoleUrl: CONSOLE,
    });

    expect(message.blocks.some((b) => b.type === 'section' && b.text?.text.startsWith('*What to do*'))).toBe(false);
  });
});

describe('readableCause', () => {
  it('keeps a plain-text cause as it is', () => {
    expect(readableCause('Task timed out after 900.00 seconds')).toBe('Task timed out after 900.00 seconds');
  });
});
