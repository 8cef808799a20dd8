import type { LaceworkComplianceReport } from '../../../../../core/domain/lacework.schema';
import { LaceworkFrameworkResultSchema } from '../../../../../core/domain/partial.schema';
import { laceworkScanErrors, scanLaceworkFrameworks } from '../../../../../core/lacework/frameworks/scan-frameworks';
import { ConfigError, ExternalServiceError, ThrottledError } from '../../../../../core/shared/errors';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const ACCOUNT = '111111111111';
const report = {
  reportType: 'AWS ISO 27001:2013',
  accountId: ACCOUNT,
  recommendations: [
    {
      REC_ID: 'lacework-global-34',
      STATUS: 'NonCompliant',
      ASSESSED_RESOURCE_COUNT: 3,
      RESOURCE_COUNT: '2',
      TITLE: 'Root keys',
      SEVERITY: 1,
      VIOLATIONS: [{ resource: 'arn:aws:iam::111111111111:root' }],
    },
  ],
};

describe('scanLaceworkFrameworks', () => {
  it('keeps only REC_ID, STATUS and the two counts (raw) of an ok report', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi({ reports: { [ACCOUNT]: { 'AWS ISO 27001:2013': report } } });

    // Act
    const results = await scanLaceworkFrameworks(ACCOUNT, ['AWS ISO 27001:2013'], api);

    // Assert
    expect(results).toEqual([
      {
        reportName: 'AWS ISO 27001:2013',
        status: 'ok',
        recommendations: [
          { REC_ID: 'lacework-global-34', STATUS: 'NonCompliant', ASSESSED_RESOURCE_COUNT: 3, RESOURCE_COUNT: '2' },
        ],
      },
    ]);
  });

  it('writes a missing count as null so that the partial still parses', async () => {
    // Arrange
    const partialReport = { recommendations: [{ REC_ID: 'p1', STATUS: 'Compliant', RESOURCE_COUNT: 0 }] };
    const api = new InMemoryLaceworkApi({
      reports: { [ACCOUNT]: { F: partialReport as unknown as LaceworkComplianceReport } },
    });

    // Act
    const [result] = await scanLaceworkFrameworks(ACCOUNT, ['F'], api);

    // Assert
    expect(result?.recommendations).toEqual([
      { REC_ID: 'p1', STATUS: 'Compliant', ASSESSED_RESOURCE_COUNT: null, RESOURCE_COUNT: 0 },
    ]);
    expect(LaceworkFrameworkResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
  });

  it('marks a framework without a report no-report and asks each framework once', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi();

    // Act
    const results = await scanLaceworkFrameworks(ACCOUNT, ['CIS', 'CIS'], api);

    // Assert
    expect(results).toEqual([{ reportName: 'CIS', status: 'no-report', recommendations: [] }]);
    expect(api.calls.getComplianceReport).toBe(1);
  });

  it.each([
    ['throttling', new ThrottledError('lacework kept throttling', { service: 'lacework' }), 'ThrottledError'],
    [
      'a retryable 5xx',
      new ExternalServiceError('lacework returned 502', { service: 'lacework', retryable: true }),
      'ExternalServiceError',
    ],
    ['a refused key', new ConfigError('lacework refused the api key (401)'), 'ConfigError'],
  ])('records %s as an error instead of throwing', async (_what, error, name) => {
    // Arrange
    const api = new InMemoryLaceworkApi({ reports: { [ACCOUNT]: { B: report } } });
    api.failWith('getComplianceReport', error, (arg) => (arg as { reportName: string }).reportName === 'A');
    const log = new RecordingLog();

    // Act
    const results = await scanLaceworkFrameworks(ACCOUNT, ['A', 'B'], api, log);

    // Assert
    expect(results[0]).toEqual({
      reportName: 'A',
      status: 'error',
      error: `${name}: ${error.message}`,
      recommendations: [],
    });
    expect(results[1]?.status).toBe('ok');
    expect(log.at('warn')).toHaveLength(1);
  });
});

describe('laceworkScanErrors', () => {
  it('turns failed frameworks into lacework-phase scan errors named by the error', () => {
    // Arrange
    const results = [
      { reportName: 'A', status: 'error' as const, error: 'ThrottledError: slow down', recommendations: [] },
      { reportName: 'B', status: 'no-report' as const, recommendations: [] },
      { reportName: 'C', status: 'error' as const, recommendations: [] },
    ];

    // Act
    const errors = laceworkScanErrors(results);

    // Assert
    expect(errors).toEqual([
      { phase: 'lacework', code: 'ThrottledError', message: 'lacework framework "A": ThrottledError: slow down' },
      { phase: 'lacework', code: 'LaceworkError', message: 'lacework framework "C": unknown error' },
    ]);
  });
});
