import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaceworkReports } from '../../../../../core/domain/lacework-report';
import { buildReports } from '../../../../../core/reports/build/build-reports.service';
import { fixedClock } from '../../../../helpers/builders/fixed-clock';
import { aMissingMapResult } from '../../../../helpers/builders/map-results.builder';
import { aPartial, aRoleNotAssumablePartial } from '../../../../helpers/builders/partial.builder';
import { anAccount, anAccountList, aRun, seedRun } from '../../../../helpers/builders/run.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const accounts = [anAccount('111111111111', 'prod'), anAccount('222222222222', 'dev')];
const run = aRun({ runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' });
const prefix = 'reports/2026-11-08/run-1/';

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'build-reports-outcome-test-'));
});
afterEach(() => rm(tmpDir, { recursive: true, force: true }));

const lacework: LaceworkReports = {
  frameworks: [
    {
      frameworkName: 'AWS ISO 27001:2013',
      stem: 'aws_iso_27001:2013',
      accountsAggregated: 1,
      rows: [
        {
          policyName: 'Ensure no "root" access key, anywhere',
          policyId: 'lacework-global-34',
          severity: 'Critical',
          status: 'Enabled',
          frameworkName: 'AWS ISO 27001:2013',
          policyType: 'Compliance',
          compliantResources: 3,
          nonCompliantResources: 1,
          accountsWithViolations: 1,
          description: 'd',
          remediation: 'r',
        },
      ],
    },
  ],
  alerts: { rows: [], fileName: 'lacework_alerts_2026-11-02_to_2026-11-08.csv' },
  errors: [],
};

describe('buildReports', () => {
  it('writes the Lacework CSVs next to the workbook and links them from the output', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedRun(store, accounts, [aPartial({ accountId: '111111111111', runId: 'run-1' })], 'run-1');

    // Act
    const output = await buildReports(
      { run, accounts: anAccountList(accounts, 'test-bucket', 'run-1'), scan: aMissingMapResult() },
      {
        store,
        clock: fixedClock(),
        log: new RecordingLog(),
        tmpDir,
        laceworkReports: () => ({ finish: async () => lacework }),
      },
    );

    // Assert
    expect(output.keys.lacework).toEqual([
      `${prefix}aws_iso_27001:2013_compliance.csv`,
      `${prefix}lacework_alerts_2026-11-02_to_2026-11-08.csv`,
    ]);
    expect(store.text(`${prefix}aws_iso_27001:2013_compliance.csv`)).toBe(
      '"Policy Name","Policy ID","Severity","Status","Framework Name","Policy Type","Compliant Resources","Non-Compliant Resources","Accounts with Violations"\r\n' +
        '"Ensure no ""root"" access key, anywhere","lacework-global-34","Critical","Enabled","AWS ISO 27001:2013","Compliance",3,1,1\r\n',
    );
    expect(store.text(`${prefix}lacework_alerts_2026-11-02_to_2026-11-08.csv`)).toBe(
      '"Policy ID","Policy Title","Description","Remediation Steps","Severity","Resource","Region","Account","Date/Time","Alert ID"\r\n',
    );
    expect(store.text(`${prefix}summary.html`)).toContain('aws_iso_27001:2013_compliance.csv');
  });

  it('throws AllAccountsFailed after writing the reports when every account failed', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedRun(
      store,
      accounts,
      accounts.map((a) => aRoleNotAssumablePartial({ accountId: a.id, runId: 'run-1' })),
      'run-1',
    );

    // Act
    const outcome = buildReports(
      { run, accounts: anAccountList(accounts, 'test-bucket', 'run-1'), scan: aMissingMapResult() },
      { store, clock: fixedClock(), log: new RecordingLog(), tmpDir },
    );

    // Assert
    await expect(outcome).rejects.toMatchObject({
      name: 'AllAccountsFailed',
      message: expect.stringMatching(/every one of the 2 accounts failed/),
    });
    expect(store.objects.has(`${prefix}summary.json`)).toBe(true);
  });

  it('writes no history entry for a run limited to some accounts, so the week stays whole', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedRun(store, accounts, [aPartial({ accountId: '111111111111', runId: 'run-1' })], 'run-1');
    const limited = aRun({ ...run, includeAccounts: ['111111111111'] });

    // Act
    const output = await buildReports(
      { run: limited, accounts: anAccountList(accounts, 'test-bucket', 'run-1'), scan: aMissingMapResult() },
      { store, clock: fixedClock(), log: new RecordingLog(), tmpDir },
    );

    // Assert
    expect(output.keys.history).toBeUndefined();
    expect(store.objects.has('history/2026-11-08.json')).toBe(false);
  });
});
