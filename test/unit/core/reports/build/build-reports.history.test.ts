import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { LaceworkReports } from '../../../../../core/domain/lacework-report';
import type { AccountPartial } from '../../../../../core/domain/partial.schema';
import { ReportSummarySchema } from '../../../../../core/domain/report-summary.schema';
import { type BuildReportsDeps, buildReports } from '../../../../../core/reports/build/build-reports.service';
import { HistoryEntrySchema } from '../../../../../core/reports/history/history.schema';
import { fixedClock } from '../../../../helpers/builders/fixed-clock';
import { aMissingMapResult } from '../../../../helpers/builders/map-results.builder';
import { aPartial, aRegion, aResource, aRoleNotAssumablePartial } from '../../../../helpers/builders/partial.builder';
import { anAccount, anAccountList, aRun, seedRun } from '../../../../helpers/builders/run.builder';
import { FakeLinkSigner } from '../../../../helpers/fakes/fake-link-signer';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const accounts = [anAccount('111111111111', 'prod'), anAccount('222222222222', 'dev')];
const WEEK_1 = aRun({ runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' });
const WEEK_2 = aRun({ runId: 'run-2', startDate: '2026-11-09', endDate: '2026-11-15' });

const withResources = (accountId: string, runId: string, ids: string[]): AccountPartial =>
  aPartial({
    accountId,
    runId,
    regions: [aRegion({ nonCompliant: ids.map((resourceId) => aResource({ resourceId })) })],
  });

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'build-reports-history-test-'));
});
afterEach(async () => {
  await rm(tmpDir, { recursive: true, force: true });
});

const runWeek = async (
  store: InMemoryObjectStore,
  run: typeof WEEK_1,
  partials: AccountPartial[],
  extra: Partial<BuildReportsDeps> = {},
) => {
  await seedRun(store, accounts, partials, run.runId);
  const log = new RecordingLog();
  const deps = { store, clock: fixedClock(), log, tmpDir, ...extra };
  const output = await buildReports(
    { run, accounts: anAccountList(accounts, 'test-bucket', run.runId), scan: aMissingMapResult() },
    deps,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(store.objects.get(output.keys.workbook)?.body as unknown as ArrayBuffer);
  return { output, workbook, log };
};

const columnValues = (workbook: ExcelJS.Workbook, sheet: string, column: string): unknown[] =>
  (workbook.getWorksheet(sheet)?.getColumn(column).values ?? []).slice(2);

describe('buildReports', () => {
  describe('history and changes', () => {
    it('writes history/<endDate>.json with the sorted non-compliant keys', async () => {
      // Arrange
      const store = new InMemoryObjectStore();

      // Act
      await runWeek(store, WEEK_1, [withResources('111111111111', 'run-1', ['b', 'a'])]);

      // Assert
      const entry = HistoryEntrySchema.parse(JSON.parse(store.text('history/2026-11-08.json')));
      expect(entry).toMatchObject({ runId: 'run-1', endDate: '2026-11-08', changes: null });
      expect(entry.nonCompliantKeys.count).toBe(2);
      expect(entry.accounts.map((a) => [a.accountId, a.regions])).toEqual([['111111111111', ['us-east-1']]]);
    });

    it('shows New and Resolved resources, score changes and a two-point trend on the second run', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      await runWeek(store, WEEK_1, [
        withResources('111111111111', 'run-1', ['a', 'b']),
        withResources('222222222222', 'run-1', ['x']),
      ]);

      // Act
      const { output, workbook } = await runWeek(store, WEEK_2, [
        withResources('111111111111', 'run-2', ['b', 'c']),
        aRoleNotAssumablePartial({ accountId: '222222222222', runId: 'run-2' }),
      ]);

      // Assert
      expect(output.changes).toEqual({
        previousRunId: 'run-1',
        previousEndDate: '2026-11-08',
        scoreChange: expect.any(Number),
        new: 1,
        resolved: 1,
      });
      expect(columnValues(workbook, 'Non-compliant resources', 'F')).toEqual(['b', 'c']);
      expect(columnValues(workbook, 'Non-compliant resources', 'J')).toEqual(['No', 'Yes']);
      expect(columnValues(workbook, 'Resolved', 'F')).toEqual(['a']);
      expect(columnValues(workbook, 'Resolved', 'B')).toEqual(['prod']);
      expect(columnValues(workbook, 'Trend', 'B')).toEqual(['run-1', 'run-2']);
      expect(columnValues(workbook, 'Trend', 'G')).toEqual(['n/a', 1]);
      const summary = ReportSummarySchema.parse(JSON.parse(store.text(`${output.prefix}summary.json`)));
      expect(summary.changes).toMatchObject({ previousRunId: 'run-1', new: 1, resolved: 1 });
      const html = store.text(output.keys.summaryHtml);
      expect(html).toContain('<polyline points=');
    });

    it('replaces its own history entry on a rerun, so the trend has no duplicates', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      await runWeek(store, WEEK_1, [withResources('111111111111', 'run-1', ['a'])]);
      await runWeek(store, WEEK_2, [withResources('111111111111', 'run-2', ['a'])]);

      // Act
      const { workbook } = await runWeek(store, WEEK_2, [withResources('111111111111', 'run-2', ['a', 'd'])]);

      // Assert
      expect([...store.objects.keys()].filter((k) => k.startsWith('history/'))).toEqual([
        'history/2026-11-08.json',
        'history/2026-11-15.json',
      ]);
      expect(columnValues(workbook, 'Trend', 'B')).toEqual(['run-1', 'run-2']);
      expect(columnValues(workbook, 'Trend', 'G')).toEqual(['n/a', 1]);
    });

    it('still builds the reports when the previous history entry is corrupt, with a warning', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      await store.put('history/2026-11-08.json', 'not json', 'application/json');

      // Act
      const { output, log } = await runWeek(store, WEEK_2, [withResources('111111111111', 'run-2', ['a'])]);

      // Assert
      expect(output.changes).toBeNull();
      expect(log.at('warn').map((w) => w.message)).toContain('history entry skipped');
    });
  });

  describe('links', () => {
    it('returns presigned links to the workbook and summary.html with their expiry', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      const signer = new FakeLinkSigner();

      // Act
      const { output } = await runWeek(store, WEEK_1, [withResources('111111111111', 'run-1', [])], {
        linkSigner: signer,
        linkExpirySeconds: 3600,
      });

      // Assert
      expect(output.links).toEqual({
        workbook: `https://signed.example/${output.keys.workbook}?expires=3600`,
        summaryHtml: `https://signed.example/${output.keys.summaryHtml}?expires=3600`,
        expiresAt: '2026-11-09T02:00:00.000Z',
      });
    });

    it('clamps an expiry over 7 days to 7 days with a warning', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      const signer = new FakeLinkSigner();

      // Act
      const { log } = await runWeek(store, WEEK_1, [withResources('111111111111', 'run-1', [])], {
        linkSigner: signer,
        linkExpirySeconds: 30 * 86_400,
      });

      // Assert
      expect(signer.calls.map((c) => c.expiresInSeconds)).toEqual([604_800, 604_800]);
      expect(log.at('warn').map((w) => w.message)).toContain('link expiry out of range; clamped');
    });
  });

  describe('Lacework seam', () => {
    const lacework: LaceworkReports = {
      frameworks: [
        {
          frameworkName: 'CIS AWS 1.4',
          stem: 'cis_aws_1.4',
          accountsAggregated: 1,
          rows: [
            {
              policyName: 'Root MFA <b>',
              policyId: 'lacework-global-1',
              severity: 'Critical',
              status: 'Enabled',
              frameworkName: 'CIS AWS 1.4',
              policyType: 'Compliance',
              compliantResources: 0,
              nonCompliantResources: 1,
              accountsWithViolations: 1,
              description: 'd',
              remediation: 'r',
            },
          ],
        },
      ],
      errors: [],
    };

    it('hands every scanned partial to the collector and shows its rows', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      const seen: string[] = [];
      const factory = () => ({
        addPartial: (p: AccountPartial) => seen.push(p.accountId),
        finish: async () => lacework,
      });

      // Act
      const { output, workbook } = await runWeek(store, WEEK_1, [withResources('111111111111', 'run-1', ['a'])], {
        laceworkReports: factory,
      });

      // Assert
      expect(seen).toEqual(['111111111111']);
      expect(columnValues(workbook, 'Lacework compliance', 'B')).toEqual(['lacework-global-1']);
      expect(columnValues(workbook, 'Lacework alerts', 'A')).toEqual(['Lacework alerts not fetched for this run']);
      const summary = ReportSummarySchema.parse(JSON.parse(store.text(`${output.prefix}summary.json`)));
      expect(summary.lacework).toEqual({
        frameworks: [{ frameworkName: 'CIS AWS 1.4', policies: 1, policiesWithViolations: 1 }],
        alerts: null,
        errors: [],
      });
      expect(store.text(output.keys.summaryHtml)).toContain('<td>CIS AWS 1.4</td>');
    });

    it('reports a failing collector on the tabs instead of failing the run', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      const factory = () => ({
        finish: async (): Promise<LaceworkReports> => {
          throw new Error('api down');
        },
      });

      // Act
      const { workbook } = await runWeek(store, WEEK_1, [withResources('111111111111', 'run-1', [])], {
        laceworkReports: factory,
      });

      // Assert
      expect(columnValues(workbook, 'Lacework compliance', 'A')).toEqual(['Error: lacework reports failed: api down']);
    });

    it('says Lacework is not configured when there is no collector', async () => {
      // Act
      const { workbook } = await runWeek(new InMemoryObjectStore(), WEEK_1, [
        withResources('111111111111', 'run-1', []),
      ]);

      // Assert
      expect(columnValues(workbook, 'Lacework compliance', 'A')).toEqual(['Lacework not configured for this run']);
      expect(columnValues(workbook, 'Lacework alerts', 'A')).toEqual(['Lacework not configured for this run']);
    });
  });
});
