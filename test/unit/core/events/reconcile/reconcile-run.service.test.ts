import { InMemoryComplianceEventStore } from '../../../../../core/events/in-memory-event-store';
import { reconcileRun } from '../../../../../core/events/reconcile/reconcile-run.service';
import { createSeverityResolver } from '../../../../../core/events/severity-resolver';
import { aPartial } from '../../../../helpers/builders/partial.builder';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const ACCOUNT = '111111111111';

const setup = async () => {
  const reports = new InMemoryObjectStore();
  for (const runId of ['weekly-1', 'weekly-2']) {
    await reports.put(
      `runs/${runId}/partials/${ACCOUNT}.json`,
      JSON.stringify(aPartial({ accountId: ACCOUNT, runId })),
      'application/json',
    );
  }
  await reports.put('history/2026-11-08.json', JSON.stringify({ runId: 'weekly-1' }), 'application/json');
  await reports.put('history/2026-11-15.json', JSON.stringify({ runId: 'weekly-2' }), 'application/json');
  const deps = {
    store: new InMemoryComplianceEventStore(),
    clock: new FixedClock('2026-11-16T01:00:00.000Z'),
    log: new RecordingLog(),
    severity: createSeverityResolver({}),
    historyTtlDays: 30,
    reports,
  };
  return { reports, deps };
};

describe('reconcileRun', () => {
  it('reconciles with the given weekly run', async () => {
    // Arrange
    const { deps } = await setup();

    // Act
    const result = await reconcileRun({ runId: 'weekly-1', accountIds: [ACCOUNT] }, deps);

    // Assert
    expect(result.runId).toBe('weekly-1');
    expect(result.accounts).toHaveLength(1);
  });

  it('takes the latest weekly run from history/ when the schedule gives no run id', async () => {
    // Arrange
    const { deps } = await setup();

    // Act
    const result = await reconcileRun({ scheduledTime: '2026-11-16T02:00:00Z', accountIds: [ACCOUNT] }, deps);

    // Assert
    expect(result.runId).toBe('weekly-2');
    expect(result.accounts[0]).not.toMatchObject({ status: 'no-partial' });
  });

  it('throws NotFoundError saying what to do when there is no weekly run yet', async () => {
    // Arrange
    const { deps } = await setup();
    deps.reports.objects.clear();

    // Act / Assert
    await expect(reconcileRun({}, deps)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(/history\/ is empty; run the weekly report/),
    });
  });
});
