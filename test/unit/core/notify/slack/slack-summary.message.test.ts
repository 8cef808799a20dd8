import { reportFacts } from '../../../../../core/notify/report-facts';
import { buildSlackSummaryMessage } from '../../../../../core/notify/slack/slack-summary.message';
import { BLOCK_KIT_LIMITS, limitBlocks, section, truncate } from '../../../../../core/platform/chat/block-kit';
import { aReportsOutput, aSummary, WORKBOOK_KEY } from '../notify-fixtures';

const RUN = { runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' };
const CONSOLE = 'https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/arn';
const where = { runId: 'run-1', bucket: 'test-bucket', workbookKey: WORKBOOK_KEY, consoleUrl: CONSOLE };

describe('buildSlackSummaryMessage', () => {
  it('builds the exact Block Kit summary for a run with links, changes and a failed account', () => {
    // Arrange
    const facts = reportFacts(RUN, aReportsOutput(), aSummary());

    // Act
    const message = buildSlackSummaryMessage(facts, where);

    // Assert
    expect(message.text).toBe(
      'Compliance report 2026-11-02 to 2026-11-08: 2 of 3 accounts scanned, 1 failed, 60 non-compliant resources, score 70.0 %',
    );
    expect(message.blocks).toEqual([
      {
        type: 'header',
        text: { type: 'plain_text', text: 'AWS Config compliance report: 2026-11-02 to 2026-11-08', emoji: true },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Accounts scanned*\n2 of 3' },
          { type: 'mrkdwn', text: '*Accounts failed*\n1' },
          { type: 'mrkdwn', text: '*Non-compliant resources*\n60 (▲ 8 since last run)' },
          { type: 'mrkdwn', text: '*Compliance score*\n70.0 % (▼ 2.5 pts since last run)' },
          { type: 'mrkdwn', text: '*New non-compliant*\n12' },
          { type: 'mrkdwn', text: '*Resolved*\n4' },
        ],
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*Worst accounts*\n1. prod &lt;payments&gt; (`111111111111`): 40 non-compliant, score 20.0 %\n' +
            '2. staging (`222222222222`): 20 non-compliant, score 86.6 %',
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*Worst rules*\n1. `s3-bucket-public-read-prohibited`: 35 non-compliant in 2 accounts\n' +
            '2. `iam-user-mfa-enabled`: 25 non-compliant in 1 accounts',
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Failed accounts*\n• legacy (`333333333333`, assume-role): AccessDenied on AssumeRole',
        },
      },
      { type: 'divider' },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Workbook (.xlsx)', emoji: true },
            url: 'https://test-bucket.s3.amazonaws.com/workbook.xlsx?X-Amz-Signature=abc',
            action_id: 'open-workbook',
            style: 'primary',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'HTML summary', emoji: true },
            url: 'https://test-bucket.s3.amazonaws.com/summary.html?X-Amz-Signature=def',
            action_id: 'open-summary',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Execution in Step Functions', emoji: true },
            url: CONSOLE,
            action_id: 'open-execution',
          },
        ],
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'Run `run-1`' },
          { type: 'mrkdwn', text: 'Links expire 2026-11-16T01:00:00.000Z' },
        ],
      },
    ]);
  });

  it('falls back to the S3 location and plain totals without links, changes or summary', () => {
    // Arrange
    const facts = reportFacts(RUN, aReportsOutput({ links: undefined, changes: null }));

    // Act
    const message = buildSlackSummaryMessage(facts, where);

    // Assert
    expect(message.blocks[1]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Accounts scanned*\n2 of 3' },
        { type: 'mrkdwn', text: '*Accounts failed*\n1' },
        { type: 'mrkdwn', text: '*Non-compliant resources*\n60' },
        { type: 'mrkdwn', text: '*Compliance score*\n70.0 %' },
      ],
    });
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(actions).toEqual({ type: 'actions', elements: [expect.objectContaining({ action_id: 'open-execution' })] });
    expect(message.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Run `run-1`' },
        { type: 'mrkdwn', text: `Workbook: \`s3://test-bucket/${WORKBOOK_KEY}\`` },
      ],
    });
  });

  it('keeps every text within Block Kit limits when names and errors are huge', () => {
    // Arrange
    const huge = 'x'.repeat(5000);
    const failedAccounts = Array.from({ length: 50 }, (_, i) => ({
      accountId: String(100000000000 + i),
      accountName: huge,
      phase: 'scan' as const,
      error: huge,
    }));
    const reports = aReportsOutput({ failedAccounts, failedAccountCount: 400 });
    const facts = reportFacts({ ...RUN, startDate: huge }, reports, aSummary());

    // Act
    const message = buildSlackSummaryMessage(facts, where);

    // Assert
    expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
    for (const block of message.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(message.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.fallbackText);
  });
});

describe('truncate', () => {
  it('cuts on a code point boundary and ends with an ellipsis', () => {
    // Arrange
    const text = `ab${'😀'.repeat(5)}`;

    // Act
    const cut = truncate(text, 6);

    // Assert
    expect(cut).toBe('ab😀…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});

describe('limitBlocks', () => {
  it('keeps 49 blocks and says how many were left out', () => {
    // Arrange
    const blocks = Array.from({ length: 60 }, (_, i) => section(`block ${i}`));

    // Act
    const limited = limitBlocks(blocks);

    // Assert
    expect(limited).toHaveLength(50);
    expect(limited[49]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '11 more blocks left out' }] });
  });
});
