import ExcelJS from 'exceljs';
import type { LocalRunResult } from '../../cli/local/run-local-workflow';
import { keys } from '../../core/domain/keys';
import { type ReportSummary, ReportSummarySchema } from '../../core/domain/report-summary.schema';
import { MAX_CELL_CHARS } from '../../core/reports/workbook/sheet-kit';
import { type AccountExpectation, expectedTotals, generateScenario, type Scenario } from '../../sandbox';
import { hugeAnnotation } from '../../sandbox/servers/config-api';
import {
  composeHooks,
  corruptPartialBeforeBuild,
  crashScanAccount,
  type InvocationCounts,
} from '../helpers/fault-hooks';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * Every fault a real week brings, at the same time, on one generated organization (40 accounts × 2 regions): 5 % of
 * member roles refusing AssumeRole, 10 % of Config calls throttled and 2 % answering HTTP 500 (seeded per request, so
 * the same calls fail on every run), Config disabled in some regions, rules deleted between list and detail, Lacework
 * 429 bursts and a 503 outage window, one account throttled beyond every retry, one Scan account invocation crashing
 * once (retried) and one crashing every time (recorded), and one partial corrupted before Build reports.
 * The expected counts come from the sandbox's ground truth (scenario records only), minus the accounts failed on purpose.
 */
const RUN_ID = 'fault-matrix';
const REGIONS = ['eu-west-1', 'us-east-1'];

const base = generateScenario({
  accounts: 40,
  regions: REGIONS,
  rulesPerRegion: 20,
  seed: 20261122,
  accessDeniedRate: 0.05,
  configDisabledRate: 0.1,
  lacework: true,
});
const baseTruth = expectedTotals(base);
const usable = baseTruth.accounts.filter((a) => a.status === 'ok' && a.enabledRegions.length === REGIONS.length);

/** The accounts each deliberate fault hits, picked from accounts with data in both regions. */
const [crashedOnce, crashedAlways, corrupted, throttled, withDeletedRules] = usable as [
  AccountExpectation,
  AccountExpectation,
  AccountExpectation,
  AccountExpectation,
  AccountExpectation,
];

/** One rule with NON_COMPLIANT results and one with only COMPLIANT ones, both deleted after listing. */
const deletedRules = (() => {
  const nonCompliant = withDeletedRules.rules.find((r) => r.nonCompliant > 0);
  const compliantOnly = withDeletedRules.rules.find((r) => r.nonCompliant === 0 && r.compliant > 0);
  return [nonCompliant, compliantOnly].map((r) => ({
    account: withDeletedRules.accountId,
    region: r?.region ?? '',
    rule: r?.ruleName ?? '',
  }));
})();

const scenario: Scenario = {
  ...structuredClone(base),
  faults: {
    faultSeed: 7,
    configThrottleRate: 0.1,
    configServerErrorRate: 0.02,
    deletedRules,
    configThrottling: { accounts: [throttled.accountId], firstCallsPerRegion: 100_000 },
  },
};
(scenario.lacework as NonNullable<Scenario['lacework']>).faults = {
  rateLimit429: { firstCalls: 3, everyNth: 9, retryAfterSeconds: 1, header: 'Retry-After' },
  serverErrors: { firstCalls: 12, status: 503 },
};

/** Accounts the run fails on purpose (beyond the AccessDenied ones), with the text their reason must contain. */
const DELIBERATE: Record<string, RegExp> = {
  [throttled.accountId]: /ThrottledError/,
  [crashedAlways.accountId]: /Runtime\.ExitError/,
  [corrupted.accountId]: new RegExp(`partial is corrupt: ${keys.partial(RUN_ID, corrupted.accountId)}`),
};

describe('fault matrix: a generated organization under every fault at once', () => {
  let harness: WorkflowHarness;
  let result: LocalRunResult;
  let summary: ReportSummary;
  const invocations: InvocationCounts = new Map();
  const truth = expectedTotals(scenario);

  beforeAll(async () => {
    // Three SDK attempts: the 10 % throttling and 2 % 5xx are absorbed by the SDK (or, rarely, by the state's Retry);
    // the account throttled on every call exhausts both and is recorded.
    harness = await startWorkflowHarness(scenario, { AWS_MAX_ATTEMPTS: '3' });
    const hooks = composeHooks(
      crashScanAccount(
        { accountIds: [crashedOnce.accountId], attempts: 'first', errorName: 'Lambda.TooManyRequestsException' },
        invocations,
      ),
      crashScanAccount({ accountIds: [crashedAlways.accountId], attempts: 'every' }),
      corruptPartialBeforeBuild(harness.deps.store, corrupted.accountId),
    );
    result = await harness.run({}, RUN_ID, { wrapHandlers: hooks, mapConcurrency: 40 });
    const key = (result as { output?: { reports?: { keys?: { summaryJson?: string } } } }).output?.reports?.keys
      ?.summaryJson;
    summary = ReportSummarySchema.parse(JSON.parse((await harness.deps.store.getText(key ?? '')) ?? 'null'));
  });
  afterAll(() => harness.stop());

  it('injects every fault it claims to', () => {
    // Assert
    const stats = harness.sandbox.stats.snapshot();
    const configCalls = Object.entries(stats.calls)
      .filter(([k]) => k.startsWith('config.'))
      .reduce((n, [, v]) => n + v, 0);
    const configThrottled = Object.entries(stats.throttledByCall)
      .filter(([k]) => k.startsWith('config.'))
      .reduce((n, [, v]) => n + v, 0);
    expect(stats.errors['sts.AccessDenied']).toBeGreaterThan(0);
    expect(configThrottled / configCalls).toBeGreaterThan(0.09);
    expect(stats.errors['config.InternalFailure']).toBeGreaterThan(0);
    expect(stats.errors['config.NoSuchConfigRuleException']).toBeGreaterThanOrEqual(deletedRules.length);
    expect(stats.errors['lacework.TooManyRequests']).toBeGreaterThan(0);
    expect(stats.errors['lacework.HTTP503']).toBeGreaterThan(0);
    expect(truth.totals.configDisabledRegions).toBeGreaterThan(0);
    expect(new Set(deletedRules.map((d) => d.rule)).size).toBe(2);
  });

  it('succeeds and lists every ACTIVE account exactly once', () => {
    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const listed = summary.accounts.map((a) => a.accountId);
    expect(listed).toHaveLength(new Set(listed).size);
    expect([...listed].sort()).toEqual(truth.accounts.map((a) => a.accountId).sort());
    expect(summary.totals.accounts).toBe(truth.totals.accounts);
  });

  it('records each failed account once, with a reason naming its fault', () => {
    // Arrange
    const denied = truth.accounts.filter((a) => a.status === 'failed').map((a) => a.accountId);
    const expected = [...denied, ...Object.keys(DELIBERATE)].sort();

    // Assert
    expect(summary.failedAccounts.map((f) => f.accountId).sort()).toEqual(expected);
    for (const failure of summary.failedAccounts) {
      const reason = DELIBERATE[failure.accountId] ?? /AccessDenied/;
      expect({ id: failure.accountId, error: failure.error }).toEqual({
        id: failure.accountId,
        error: expect.stringMatching(reason),
      });
    }
    expect(summary.totals.failed).toBe(expected.length);
  });

  it('retries the invocation that crashed once and reports that account in full', () => {
    // Assert
    expect(invocations.get(crashedOnce.accountId)).toBe(2);
    expect(summary.accounts.find((a) => a.accountId === crashedOnce.accountId)).toMatchObject({
      compliant: crashedOnce.compliant,
      nonCompliant: crashedOnce.nonCompliant,
    });
    expect(result.events.some((e) => e.type === 'StateRetried')).toBe(true);
  });

  it('reports every other account with the ground-truth counts and Config-disabled regions', () => {
    // Arrange
    const scanned = truth.accounts.filter((a) => a.status === 'ok' && DELIBERATE[a.accountId] === undefined);

    // Assert
    for (const account of scanned) {
      const reported = summary.accounts.find((a) => a.accountId === account.accountId);
      expect({ id: account.accountId, ...reported }).toMatchObject({
        id: account.accountId,
        compliant: account.compliant,
        nonCompliant: account.nonCompliant,
        configDisabledRegions: account.configDisabledRegions,
      });
      expect(reported?.errors.filter((e) => !/^lacework/.test(e))).toEqual([]);
    }
    expect(summary.totals).toMatchObject({
      compliant: scanned.reduce((n, a) => n + a.compliant, 0),
      nonCompliant: scanned.reduce((n, a) => n + a.nonCompliant, 0),
      configDisabledRegions: scanned.reduce((n, a) => n + a.configDisabledRegions.length, 0),
      scanned: scanned.length,
    });
  });

  it('leaves the deleted rules out instead of failing their account', () => {
    // Arrange
    const account = truth.accounts.find((a) => a.accountId === withDeletedRules.accountId);
    const reported = summary.accounts.find((a) => a.accountId === withDeletedRules.accountId);

    // Assert
    const kept = new Set(account?.rules.map((r) => `${r.region}/${r.ruleName}`));
    expect(deletedRules.filter((d) => kept.has(`${d.region}/${d.rule}`))).toEqual([]);
    expect(reported?.status).not.toBe('failed');
    expect(reported?.nonCompliant).toBeLessThan(withDeletedRules.nonCompliant);
    expect(reported?.nonCompliant).toBe(account?.nonCompliant);
  });

  it('records Lacework failures as Lacework errors without touching the Config counts', () => {
    // Assert
    expect(summary.lacework?.frameworks.map((f) => f.frameworkName)).toEqual(scenario.lacework?.frameworks);
    const laceworkErrors = summary.accounts.flatMap((a) => a.errors).filter((e) => /^lacework/.test(e));
    for (const error of laceworkErrors) expect(error).toMatch(/429|503|Rate limit|Service Unavailable|throttled/i);
  });
});

/** Every string cell of the workbook. */
const workbookStrings = async (harness: WorkflowHarness, key: string): Promise<string[]> => {
  const chunks: Buffer[] = [];
  for await (const chunk of await harness.deps.store.getStream(key)) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as never);
  const strings: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') strings.push(cell.value);
      });
    });
  });
  return strings;
};

/** What the recorded error of each unusable answer says. */
const REASONS = {
  'missing-fields': /ValidationError: unusable config answer .* EvaluationResultQualifier is .*ResourceType/,
  'wrong-types': /TypeError: config GetComplianceDetailsByConfigRule .* Expected real number/,
  'unexpected-enum': /ValidationError: unusable config answer .* ComplianceType is "MOSTLY_COMPLIANT"/,
  'not-json': /SyntaxError: config GetComplianceDetailsByConfigRule .* is not valid JSON/,
} as const;

describe('hostile Config answers for some accounts', () => {
  const hostile = generateScenario({ accounts: 10, regions: REGIONS, rulesPerRegion: 10, seed: 99 });
  const hostileTruth = expectedTotals(hostile);
  const targets = hostileTruth.accounts.filter((a) => a.status === 'ok' && a.nonCompliant > 0);
  const kinds = [
    'missing-fields',
    'wrong-types',
    'unexpected-enum',
    'not-json',
    'huge-page',
    'huge-annotation',
  ] as const;
  const byKind = Object.fromEntries(kinds.map((kind, i) => [kind, targets[i] as AccountExpectation])) as Record<
    (typeof kinds)[number],
    AccountExpectation
  >;
  hostile.faults = { configCorruptResponses: kinds.map((kind) => ({ account: byKind[kind].accountId, kind })) };
  let harness: WorkflowHarness;
  let summary: ReportSummary;
  let csv: string;
  let cells: string[];

  beforeAll(async () => {
    harness = await startWorkflowHarness(hostile);
    const result = await harness.run({}, 'hostile-answers', { mapConcurrency: 10 });
    const keysOut = (result as { output?: { reports?: { keys?: Record<string, string> } } }).output?.reports?.keys;
    summary = ReportSummarySchema.parse(
      JSON.parse((await harness.deps.store.getText(keysOut?.summaryJson ?? '')) ?? ''),
    );
    csv = (await harness.deps.store.getText(keysOut?.csv ?? '')) ?? '';
    cells = await workbookStrings(harness, keysOut?.workbook ?? '');
  });
  afterAll(() => harness.stop());

  it.each(kinds.slice(0, 4))(
    'records the account answered with %s as partial, with an error per region and no count from it',
    (kind) => {
      // Arrange
      const account = byKind[kind];

      // Assert
      const reported = summary.accounts.find((a) => a.accountId === account.accountId);
      expect(reported).toMatchObject({ status: 'partial', compliant: 0, nonCompliant: 0 });
      expect(reported?.errors).toHaveLength(account.enabledRegions.length);
      for (const error of reported?.errors ?? []) expect(error).toMatch(REASONS[kind as keyof typeof REASONS]);
    },
  );

  it('counts the accounts whose answers were huge but valid, and every other account, exactly', () => {
    // Arrange
    const broken = new Set(kinds.slice(0, 4).map((kind) => byKind[kind].accountId));
    const counted = hostileTruth.accounts.filter((a) => !broken.has(a.accountId));

    // Assert
    for (const account of counted) {
      const reported = summary.accounts.find((a) => a.accountId === account.accountId);
      expect({
        id: account.accountId,
        c: reported?.compliant,
        n: reported?.nonCompliant,
        errors: reported?.errors,
      }).toEqual({ id: account.accountId, c: account.compliant, n: account.nonCompliant, errors: [] });
    }
    expect(summary.accounts).toHaveLength(hostileTruth.totals.accounts);
  });

  it('keeps a 100 KB annotation whole in the CSV and cuts it to the Excel cell limit in the workbook', () => {
    // Arrange
    const account = byKind['huge-annotation'];
    const row = account.nonCompliantRows[0];

    // Assert
    const annotation = hugeAnnotation(row?.annotation);
    expect(csv).toContain(`"${annotation.replaceAll('"', '""')}"`);
    const cut = cells.filter((c) => c.startsWith(annotation.slice(0, 200)));
    expect(cut.length).toBeGreaterThan(0);
    for (const cell of cut) expect(cell).toHaveLength(MAX_CELL_CHARS);
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });
});
