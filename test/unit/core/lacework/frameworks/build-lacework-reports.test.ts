import type { LaceworkPolicy, LaceworkReportDefinition } from '../../../../../core/domain/lacework.schema';
import type { LaceworkFrameworkResult } from '../../../../../core/domain/partial.schema';
import { laceworkAlertsPartialKey } from '../../../../../core/lacework/alerts/alerts-partial';
import {
  buildLaceworkReports,
  createFrameworkAccumulator,
} from '../../../../../core/lacework/frameworks/build-lacework-reports';
import { complianceCsv } from '../../../../../core/lacework/frameworks/compliance-csv';
import { createPolicyCatalog } from '../../../../../core/lacework/frameworks/policy-catalog';
import { ExternalServiceError } from '../../../../../core/shared/errors';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';

const ISO = 'AWS ISO 27001:2013';
const definition: LaceworkReportDefinition = {
  reportDefinitionGuid: 'g1',
  reportName: ISO,
  reportDefinition: {
    sections: [
      { policies: ['lacework-global-34', 'lacework-global-2'] },
      { policies: ['lacework-global-10', 'lacework-global-7', 'lacework-global-8'] },
    ],
  },
};
const policy = (policyId: string, over: Partial<LaceworkPolicy>): LaceworkPolicy => ({
  policyId,
  policyType: 'Compliance',
  enabled: true,
  severity: 'high',
  title: `Policy ${policyId}`,
  ...over,
});
const policies = [
  policy('lacework-global-34', { severity: 'critical', title: "Ensure no 'root' user account access key exists" }),
  policy('lacework-global-2', { title: 'Password policy, "strong"' }),
  policy('lacework-global-10', { severity: 'medium', enabled: false }),
  policy('lacework-global-7', { policyType: 'Manual' }),
];
const ok = (recommendations: LaceworkFrameworkResult['recommendations']): LaceworkFrameworkResult[] => [
  { reportName: ISO, status: 'ok', recommendations },
];

const setup = () => {
  const api = new InMemoryLaceworkApi({ definitions: [definition], policies });
  const store = new InMemoryObjectStore();
  const catalog = createPolicyCatalog({ api, store, clock: new FixedClock() });
  return { api, store, catalog };
};

describe('createFrameworkAccumulator', () => {
  it('aggregates the accounts streamed in and writes the expected CSV bytes', async () => {
    // Arrange
    const { api, catalog } = setup();
    const accumulator = createFrameworkAccumulator([ISO]);
    accumulator.add(
      '111111111111',
      ok([
        { REC_ID: 'lacework-global-34', STATUS: 'Compliant', ASSESSED_RESOURCE_COUNT: 150, RESOURCE_COUNT: 150 },
        { REC_ID: 'lacework-global-2', STATUS: 'NonCompliant', ASSESSED_RESOURCE_COUNT: 9, RESOURCE_COUNT: '4' },
      ]),
    );
    accumulator.add(
      '222222222222',
      ok([
        { REC_ID: 'lacework-global-34', STATUS: 'compliant', ASSESSED_RESOURCE_COUNT: '8', RESOURCE_COUNT: 8 },
        { REC_ID: 'lacework-global-2', STATUS: 'NonCompliant', ASSESSED_RESOURCE_COUNT: 3, RESOURCE_COUNT: 0 },
      ]),
    );
    accumulator.add(
      '222222222222',
      ok([{ REC_ID: 'lacework-global-34', STATUS: 'Compliant', ASSESSED_RESOURCE_COUNT: 1000, RESOURCE_COUNT: 0 }]),
    );
    accumulator.add('333333333333', [{ reportName: ISO, status: 'no-report', recommendations: [] }]);
    accumulator.add('444444444444', undefined);

    // Act
    const { frameworks, errors } = await accumulator.finish({ api, catalog });

    // Assert
    expect(errors).toEqual([]);
    expect(frameworks).toHaveLength(1);
    expect(frameworks[0]).toMatchObject({ frameworkName: ISO, stem: 'aws_iso_27001:2013', accountsAggregated: 2 });
    expect(complianceCsv(frameworks[0]?.rows ?? [])).toBe(
      '"Policy Name","Policy ID","Severity","Status","Framework Name","Policy Type","Compliant Resources","Non-Compliant Resources","Accounts with Violations"\r\n' +
        `"Ensure no 'root' user account access key exists","lacework-global-34","Critical","Enabled","AWS ISO 27001:2013","Compliance",158,0,0\r\n` +
        '"Password policy, ""strong""","lacework-global-2","High","Enabled","AWS ISO 27001:2013","Compliance",0,4,1\r\n' +
        '"Policy lacework-global-10","lacework-global-10","Medium","Disabled","AWS ISO 27001:2013","Compliance",0,0,0\r\n' +
        '"Not Found","lacework-global-8","Unknown","Unknown","AWS ISO 27001:2013","Unknown",0,0,0\r\n',
    );
  });

  it('reports accounts with errors, bad counts and failed policies, and keeps the framework', async () => {
    // Arrange
    const { api, catalog } = setup();
    api.failWith(
      'getPolicy',
      new ExternalServiceError('lacework returned 503', { service: 'lacework', retryable: true }),
      (id) => id === 'lacework-global-2',
    );
    const accumulator = createFrameworkAccumulator([ISO]);
    accumulator.add('111111111111', [
      { reportName: ISO, status: 'error', error: 'ThrottledError: slow down', recommendations: [] },
    ]);
    accumulator.add(
      '222222222222',
      ok([{ REC_ID: 'lacework-global-34', STATUS: 'Compliant', ASSESSED_RESOURCE_COUNT: null, RESOURCE_COUNT: 0 }]),
    );

    // Act
    const { frameworks, errors } = await accumulator.finish({ api, catalog });

    // Assert
    expect(errors).toEqual([
      `lacework framework "${ISO}": 1 account(s) left out: 111111111111: ThrottledError: slow down`,
      `lacework framework "${ISO}": account 222222222222: recommendation lacework-global-34 has a bad ASSESSED_RESOURCE_COUNT null; skipped`,
      `lacework framework "${ISO}": 1 policies could not be fetched (rows read Error): lacework-global-2: ExternalServiceError: lacework returned 503`,
    ]);
    expect(frameworks[0]?.rows.find((r) => r.policyId === 'lacework-global-2')?.policyName).toBe('Error');
    expect(frameworks[0]?.accountsAggregated).toBe(1);
  });

  it('leaves an unknown framework out with an error listing the available names', async () => {
    // Arrange
    const { api, catalog } = setup();
    const accumulator = createFrameworkAccumulator(['CIS', ISO]);

    // Act
    const { frameworks, errors } = await accumulator.finish({ api, catalog });

    // Assert
    expect(frameworks.map((f) => f.frameworkName)).toEqual([ISO]);
    expect(errors).toEqual([`Lacework framework "CIS" not found; available: ${ISO}`]);
  });

  it('returns no framework and one error when the definitions cannot be fetched', async () => {
    // Arrange
    const { api, catalog } = setup();
    api.failWith(
      'listReportDefinitions',
      new ExternalServiceError('lacework unreachable', { service: 'lacework', retryable: true }),
    );

    // Act
    const result = await createFrameworkAccumulator([ISO]).finish({ api, catalog });

    // Assert
    expect(result).toEqual({
      frameworks: [],
      errors: ['lacework framework definitions could not be fetched: ExternalServiceError: lacework unreachable'],
    });
  });

  it('calls nothing when no framework is configured', async () => {
    // Arrange
    const { api, catalog } = setup();

    // Act
    const result = await createFrameworkAccumulator([]).finish({ api, catalog });

    // Assert
    expect(result).toEqual({ frameworks: [], errors: [] });
    expect(api.calls.listReportDefinitions).toBe(0);
  });
});

describe('buildLaceworkReports', () => {
  it('joins the frameworks with the alerts partial and both sets of errors', async () => {
    // Arrange
    const { api, store, catalog } = setup();
    api.failWith('listReportDefinitions', new Error('down'));
    await store.put(
      laceworkAlertsPartialKey('r1'),
      JSON.stringify({
        schemaVersion: 1,
        runId: 'r1',
        startDate: '2026-11-02',
        endDate: '2026-11-08',
        status: 'ok',
        rows: [],
        fileName: 'lacework_alerts_2026-11-02_to_2026-11-08.csv',
        errors: ['lacework policy x could not be fetched (its alerts read Unknown): Error: y'],
      }),
      'application/json',
    );

    // Act
    const reports = await buildLaceworkReports({
      accumulator: createFrameworkAccumulator([ISO]),
      api,
      catalog,
      store,
      runId: 'r1',
      includeAlerts: true,
    });

    // Assert
    expect(reports).toEqual({
      frameworks: [],
      alerts: { rows: [], fileName: 'lacework_alerts_2026-11-02_to_2026-11-08.csv' },
      errors: [
        'lacework framework definitions could not be fetched: Error: down',
        'lacework policy x could not be fetched (its alerts read Unknown): Error: y',
      ],
    });
  });

  it('does not read the alerts partial when the run had no alerts step', async () => {
    // Arrange
    const { api, store, catalog } = setup();

    // Act
    const reports = await buildLaceworkReports({
      accumulator: createFrameworkAccumulator([]),
      api,
      catalog,
      store,
      runId: 'r1',
      includeAlerts: false,
    });

    // Assert
    expect(reports).toEqual({ frameworks: [], errors: [] });
  });
});
