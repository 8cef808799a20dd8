import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildReportsInput, buildReports } from '../../../../../core/reports/build/build-reports.service';
import { silentLog } from '../../../../../core/shared/log.port';
import { fixedClock } from '../../../../helpers/builders/fixed-clock';
import { aMissingMapResult } from '../../../../helpers/builders/map-results.builder';
import { aPartial, aRegion, aResource, aRule } from '../../../../helpers/builders/partial.builder';
import { anAccount, anAccountList, aRun, seedRun } from '../../../../helpers/builders/run.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';

const CSV_KEY = 'reports/2026-11-08/run-1/config-noncompliant-resources_2026-11-02_to_2026-11-08.csv';

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'build-reports-csv-test-'));
});
afterEach(async () => {
  await rm(tmpDir, { recursive: true, force: true });
});

describe('buildReports', () => {
  describe('non-compliant resources CSV', () => {
    it('writes the CSV sorted by account id and then by the remaining columns, with quoting', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      const twoAccounts = [anAccount('222222222222', 'dev, "eu"'), anAccount('111111111111', 'prod')];
      await seedRun(store, twoAccounts, [
        aPartial({
          accountId: '222222222222',
          regions: [aRegion({ nonCompliant: [aResource({ annotation: 'tags: owner, team' })] })],
        }),
        aPartial({
          accountId: '111111111111',
          regions: [
            aRegion({ region: 'us-west-2', nonCompliant: [aResource({ resourceId: 'z', annotation: 'say "hi"' })] }),
            aRegion({
              nonCompliant: [aResource({ resourceId: 'b', recordedTime: '' }), aResource({ resourceId: 'a' })],
            }),
          ],
        }),
      ]);
      const input: BuildReportsInput = { run: aRun(), accounts: anAccountList(twoAccounts), scan: aMissingMapResult() };

      // Act
      await buildReports(input, { store, clock: fixedClock(), log: silentLog, tmpDir });

      // Assert
      expect(store.text(CSV_KEY)).toBe(
        [
          'Account ID,Account Name,Region,Rule Name,Resource Type,Resource ID,Compliance Type,Annotation,Recorded Time',
          '111111111111,prod,us-east-1,required-tags,AWS::S3::Bucket,a,NON_COMPLIANT,missing tag owner,2026-11-08T10:00:00.000Z',
          '111111111111,prod,us-east-1,required-tags,AWS::S3::Bucket,b,NON_COMPLIANT,missing tag owner,',
          '111111111111,prod,us-west-2,required-tags,AWS::S3::Bucket,z,NON_COMPLIANT,"say ""hi""",2026-11-08T10:00:00.000Z',
          '222222222222,"dev, ""eu""",us-east-1,required-tags,AWS::S3::Bucket,bucket-a,NON_COMPLIANT,"tags: owner, team",2026-11-08T10:00:00.000Z',
          '',
        ].join('\n'),
      );
      expect(store.objects.get(CSV_KEY)?.contentType).toBe('text/csv; charset=utf-8');
    });

    it('completes a run of 300 accounts with 50 non-compliant resources each', async () => {
      // Arrange
      const store = new InMemoryObjectStore();
      const many = Array.from({ length: 300 }, (_, i) => anAccount(String(100000000000 + i)));
      const resources = Array.from({ length: 50 }, (_, i) => aResource({ resourceId: `bucket-${i}` }));
      const rules = [aRule({ compliantCount: 50, nonCompliantCount: 50 })];
      await seedRun(
        store,
        many,
        many.map((a) => aPartial({ accountId: a.id, regions: [aRegion({ rules, nonCompliant: resources })] })),
      );
      const input: BuildReportsInput = { run: aRun(), accounts: anAccountList(many), scan: aMissingMapResult() };

      // Act
      const output = await buildReports(input, { store, clock: fixedClock(), log: silentLog, tmpDir });

      // Assert
      expect(output.totals).toMatchObject({ accounts: 300, scanned: 300, failed: 0, nonCompliant: 15_000 });
      expect(store.text(CSV_KEY).trimEnd().split('\n')).toHaveLength(1 + 15_000);
    }, 60_000);
  });
});
