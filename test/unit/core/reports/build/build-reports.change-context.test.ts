import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { keys } from '../../../../../core/domain/keys';
import { ReportSummarySchema } from '../../../../../core/domain/report-summary.schema';
import { buildReports } from '../../../../../core/reports/build/build-reports.service';
import { type Log, silentLog } from '../../../../../core/shared/log.port';
import { aChangeContext, aTracedChange } from '../../../../helpers/builders/change-context.builder';
import { fixedClock } from '../../../../helpers/builders/fixed-clock';
import { aMissingMapResult } from '../../../../helpers/builders/map-results.builder';
import { aPartial, aRegion, aResource } from '../../../../helpers/builders/partial.builder';
import { anAccount, anAccountList, aRun, seedRun } from '../../../../helpers/builders/run.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';

const PREFIX = 'reports/2026-11-08/run-1/';
const WORKBOOK_KEY = `${PREFIX}compliance-report_2026-11-02_to_2026-11-08.xlsx`;
const CSV_KEY = `${PREFIX}config-noncompliant-resources_2026-11-02_to_2026-11-08.csv`;
const ACCOUNT = '111111111111';
const HOSTILE_AGENT = '<script>alert("x")</script>';

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'build-reports-cc-'));
});
afterEach(async () => {
  await rm(tmpDir, { recursive: true, force: true });
});

/** One account with two non-compliant buckets, and its trace file as given (`undefined`: none written). */
const runWithTrace = async (trace: string | undefined, log: Log = silentLog) => {
  const store = new InMemoryObjectStore();
  const accounts = [anAccount(ACCOUNT, 'prod')];
  const partial = aPartial({
    regions: [aRegion({ nonCompliant: [aResource(), aResource({ resourceId: 'bucket-b' })] })],
  });
  await seedRun(store, accounts, [partial]);
  if (trace !== undefined) await store.put(keys.trace('run-1', ACCOUNT), trace, 'application/json');
  const input = { run: aRun(), accounts: anAccountList(accounts), scan: aMissingMapResult() };
  const output = await buildReports(input, { store, clock: fixedClock(), log, tmpDir });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(store.objects.get(WORKBOOK_KEY)?.body as unknown as ArrayBuffer);
  const values = (sheet: string) =>
    (workbook.getWorksheet(sheet)?.getSheetValues() ?? []).slice(1).map((r) => (r as unknown[]).slice(1));
  return {
    output,
    resources: values('Non-compliant resources'),
    changeContext: values('Change context'),
    summary: ReportSummarySchema.parse(JSON.parse(store.text(`${PREFIX}summary.json`))),
    html: store.text(`${PREFIX}summary.html`),
    csv: store.text(CSV_KEY),
  };
};

const hostileTrace = () =>
  JSON.stringify(
    aChangeContext({ traced: [aTracedChange({ event: { ...aTracedChange().event, userAgent: HOSTILE_AGENT } })] }),
  );

describe('buildReports with trace files', () => {
  it('fills Changed by, Origin, Via and Changed at of the traced resource only', async () => {
    // Arrange
    const trace = JSON.stringify(aChangeContext());

    // Act
    const { resources } = await runWithTrace(trace);

    // Assert
    expect(resources[0]?.slice(9)).toEqual(['New', 'Changed by', 'Origin', 'Via', 'Changed at']);
    const byId = new Map(resources.slice(1).map((r) => [r[5], r.slice(10)]));
    expect(byId.get('bucket-a')).toEqual([
      'alice@example.com (Identity Center, AdminAccess)',
      'identity-center:alice@example.com',
      'OpsRole → AdminRole',
      '2026-11-05T10:00:00Z',
    ]);
    expect(byId.get('bucket-b')).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('keeps the CSV to its fixed columns', async () => {
    // Act
    const { csv } = await runWithTrace(JSON.stringify(aChangeContext()));

    // Assert
    expect(csv.split(/\r?\n/)[0]).not.toMatch(/Changed by|Origin|Via/);
  });

  it('lists the traced and the untraced resource in the Change context tab', async () => {
    // Act
    const { changeContext } = await runWithTrace(hostileTrace());

    // Assert
    const [header, traced, untraced] = changeContext;
    expect(header?.slice(6, 9)).toEqual(['Status', 'Changed at', 'Event']);
    expect(traced).toEqual([
      ACCOUNT,
      'prod',
      'us-east-1',
      'required-tags',
      'AWS::S3::Bucket',
      'bucket-a',
      'traced',
      '2026-11-05T10:00:00Z',
      's3.amazonaws.com PutBucketPolicy',
      'alice@example.com (Identity Center, AdminAccess)',
      'alice@example.com (Identity Center, AdminAccess) → OpsRole → AdminRole',
      'cli (aws-cli/2.15.0)',
      '203.0.113.7',
      HOSTILE_AGENT,
      'High',
      '1 High: Attach a managed policy to a user (denied)',
      'found by related-event',
    ]);
    expect(untraced?.slice(5, 7)).toEqual(['bucket-b', 'no-matching-event']);
    expect(changeContext.at(-1)).toEqual(['2 more changed resources not traced (over the per-account limit)']);
  });

  it('renders an escaped investigation section in summary.html', async () => {
    // Act
    const { html } = await runWithTrace(hostileTrace());

    // Assert
    expect(html).toContain('<h2>Investigation</h2>');
    expect(html).toContain('<article class="investigation">');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE_AGENT);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<svg class="bars"[^>]*>.*<rect /s);
    expect(html).toContain('<span class="tag denied">denied</span>');
  });

  it('adds the change context totals to summary.json', async () => {
    // Act
    const { summary } = await runWithTrace(JSON.stringify(aChangeContext()));

    // Assert
    expect(summary.changeContext).toEqual({
      accounts: 1,
      traced: 1,
      untraced: { 'no-matching-event': 1 },
      notTraced: 2,
      findings: { High: 1 },
      errors: [],
    });
  });

  it('leaves the columns empty and says none traced without a trace file', async () => {
    // Act
    const { resources, changeContext, summary, html } = await runWithTrace(undefined);

    // Assert
    expect(resources.slice(1).map((r) => r.slice(10).filter(Boolean))).toEqual([[], []]);
    expect(changeContext.slice(1)).toEqual([['No resource traced for this run']]);
    expect(summary.changeContext).toMatchObject({ accounts: 0, traced: 0, errors: [] });
    expect(html).toContain('No resource traced for this run.');
  });

  it('warns, lists the error and still succeeds when the trace file is corrupt', async () => {
    // Arrange
    const warnings: string[] = [];
    const log: Log = { ...silentLog, warn: (message) => warnings.push(message) };

    // Act
    const { output, resources, summary, changeContext } = await runWithTrace('{"schemaVersion":1,', log);

    // Assert
    expect(output.totals.scanned).toBe(1);
    expect(warnings).toContain('trace file unusable; the account is shown as not traced');
    expect(summary.changeContext?.errors).toEqual([
      `${ACCOUNT}: trace file runs/run-1/traces/${ACCOUNT}.json is not JSON`,
    ]);
    expect(resources.slice(1).map((r) => r.slice(10).filter(Boolean))).toEqual([[], []]);
    expect(changeContext.at(-1)).toEqual([
      `Trace error: ${ACCOUNT}: trace file runs/run-1/traces/${ACCOUNT}.json is not JSON`,
    ]);
  });

  it('treats the trace file of another account as unusable', async () => {
    // Act
    const { summary } = await runWithTrace(JSON.stringify(aChangeContext({ accountId: '999999999999' })));

    // Assert
    expect(summary.changeContext?.errors).toEqual([expect.stringContaining('belongs to account 999999999999')]);
    expect(summary.changeContext?.traced).toBe(0);
  });
});
