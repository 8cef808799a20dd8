import { ChangeTracker } from '../../../../../core/reports/history/change-tracker';
import type { PreviousRun } from '../../../../../core/reports/history/history-reader';
import type { ResourceRow } from '../../../../../core/reports/report-model';
import { aResourceKey } from '../../../../helpers/builders/history.builder';

const row = (resourceId: string, overrides: Partial<ResourceRow> = {}): ResourceRow => ({
  accountId: '111111111111',
  accountName: 'prod',
  region: 'us-east-1',
  ruleName: 'required-tags',
  resourceType: 'AWS::S3::Bucket',
  resourceId,
  complianceType: 'NON_COMPLIANT',
  annotation: '',
  recordedTime: '',
  ...overrides,
});

const previousWith = (keys: string[]): PreviousRun => ({
  runId: 'run-0',
  endDate: '2026-11-01',
  totals: { accounts: 1, scanned: 1, failed: 0, compliant: 1, nonCompliant: 1, score: 0.5, configDisabledRegions: 0 },
  accounts: new Map([['111111111111', { accountName: 'prod', score: 0.5, regions: ['us-east-1'] }]]),
  keys: [...keys].sort(),
});

describe('ChangeTracker', () => {
  it('flags nothing and counts nothing without a previous run', () => {
    // Arrange
    const tracker = new ChangeTracker();

    // Act
    const flags = tracker.observe([row('a')]);

    // Assert
    expect([...flags]).toEqual([0]);
    expect(tracker.counts()).toBeNull();
    expect(tracker.currentKeys()).toEqual([aResourceKey('a')]);
  });

  it('flags rows missing from the previous run as New and lists the unmatched previous keys as Resolved', () => {
    // Arrange
    const tracker = new ChangeTracker(previousWith([aResourceKey('a'), aResourceKey('b')]));
    tracker.addScannedRegions('111111111111', ['us-east-1']);

    // Act
    const flags = tracker.observe([row('b'), row('c'), row('c', { annotation: 'same resource twice' })]);

    // Assert
    expect([...flags]).toEqual([0, 1, 1]);
    expect(tracker.counts()).toEqual({ new: 1, resolved: 1 });
    expect([...tracker.resolved(() => 'prod now')]).toEqual([
      {
        accountId: '111111111111',
        accountName: 'prod now',
        region: 'us-east-1',
        rule: 'required-tags',
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'a',
      },
    ]);
  });

  it('treats a conformance pack redeployed with a new suffix as the same rule', () => {
    // Arrange
    const tracker = new ChangeTracker(previousWith([aResourceKey('a', { rule: 's3-encrypted' })]));
    tracker.addScannedRegions('111111111111', ['us-east-1']);

    // Act
    const flags = tracker.observe([row('a', { ruleName: 's3-encrypted-conformance-pack-zz99' })]);

    // Assert
    expect([...flags]).toEqual([0]);
    expect(tracker.counts()).toEqual({ new: 0, resolved: 0 });
  });

  it('does not call findings resolved in accounts or regions not scanned this run', () => {
    // Arrange
    const tracker = new ChangeTracker(
      previousWith([
        aResourceKey('a', { region: 'eu-west-1' }),
        aResourceKey('b', { accountId: '222222222222' }),
        aResourceKey('c'),
      ]),
    );
    tracker.addScannedRegions('111111111111', ['us-east-1']);

    // Act
    tracker.observe([]);

    // Assert
    expect(tracker.counts()).toEqual({ new: 0, resolved: 1 });
    expect([...tracker.resolved(() => '')].map((r) => r.resourceId)).toEqual(['c']);
  });
});
