import type { AccountPartial } from '../../../../../core/domain/partial.schema';
import { InMemoryComplianceEventStore } from '../../../../../core/events/in-memory-event-store';
import { ingestComplianceEvent } from '../../../../../core/events/ingest/ingest.service';
import { reconcileAccount } from '../../../../../core/events/reconcile/reconcile.service';
import { createSeverityResolver } from '../../../../../core/events/severity-resolver';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';
import { configEvent } from '../config-event.builder';

const RULE = 'cloudwatch-log-group-encrypted-conformance-pack-6cruwvtg2';

const partial = (failing: string[]): AccountPartial => ({
  schemaVersion: 1,
  runId: 'run-2026-11-23',
  accountId: '222222222222',
  status: 'ok',
  startedAt: '2026-11-23T00:00:00.000Z',
  finishedAt: '2026-11-23T00:10:00.000Z',
  errors: [],
  regions: [
    {
      region: 'us-east-1',
      configStatus: 'enabled',
      rules: [
        {
          ruleName: RULE,
          normalizedName: 'cloudwatch-log-group-encrypted',
          compliance: 'NON_COMPLIANT',
          compliantCount: 0,
          nonCompliantCount: failing.length,
        },
      ],
      nonCompliant: failing.map((resourceId) => ({
        ruleName: RULE,
        resourceType: 'AWS::Logs::LogGroup',
        resourceId,
        complianceType: 'NON_COMPLIANT' as const,
      })),
    },
  ],
});

describe('reconcileAccount', () => {
  it('records missed violations and resolutions as reconciled, and finds nothing on a rerun', async () => {
    // Arrange
    const store = new InMemoryComplianceEventStore();
    const deps = {
      store,
      clock: new FixedClock('2026-11-23T01:00:00.000Z'),
      log: new RecordingLog(),
      severity: createSeverityResolver(),
      historyTtlDays: 30,
    };
    await ingestComplianceEvent(configEvent({ id: 'e1', resourceId: 'lg-fixed-silently' }), deps);
    await ingestComplianceEvent(configEvent({ id: 'e2', resourceId: 'lg-still-failing' }), deps);
    const scan = partial(['lg-still-failing', 'lg-missed']);
    // Act
    const first = await reconcileAccount(scan, deps);
    const rerun = await reconcileAccount(scan, deps);
    // Assert
    expect(first).toMatchObject({ missedViolations: 1, missedResolutions: 1, recorded: 2 });
    expect(rerun).toMatchObject({ missedViolations: 0, missedResolutions: 0, recorded: 0 });
    const reconciled = [...store.history.values()].filter((h) => h.source === 'reconciled');
    expect(reconciled.map((h) => [h.resourceId, h.transition]).sort()).toEqual([
      ['lg-fixed-silently', 'resolved'],
      ['lg-missed', 'new-violation'],
    ]);
    const missed = await store.getLatest({
      accountId: '222222222222',
      region: 'us-east-1',
      ruleName: RULE,
      resourceType: 'AWS::Logs::LogGroup',
      resourceId: 'lg-missed',
    });
    expect(missed).toMatchObject({ complianceType: 'NON_COMPLIANT', source: 'reconciled' });
  });
});
