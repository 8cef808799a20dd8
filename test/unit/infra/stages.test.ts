import { loadStageConfig, STAGES } from '../../../infra/config/stages';

describe('loadStageConfig', () => {
  it('applies the defaults to the dev stage', () => {
    // Act
    const config = loadStageConfig('dev');

    // Assert
    expect(config).toMatchObject({
      scheduleEnabled: false,
      schedule: { minute: '0', hour: '9', weekDay: 'MON', timeZone: 'Asia/Hong_Kong' },
      memberRoleName: 'ComplianceReader',
      mapConcurrency: 40,
      toleratedFailurePercentage: 10,
      runsRetentionDays: 30,
      serviceName: 'aws-config-compliance',
      includeAccounts: [],
      excludeAccounts: [],
    });
    expect(config.env).toBeUndefined();
  });

  it('validates every declared stage', () => {
    for (const name of Object.keys(STAGES)) expect(() => loadStageConfig(name)).not.toThrow();
  });

  it('lays overrides over the stage values', () => {
    expect(loadStageConfig('prod', { mapConcurrency: 8 })).toMatchObject({ mapConcurrency: 8, scheduleEnabled: true });
  });

  it('fails naming the field, the value received and where to fix it', () => {
    expect(() => loadStageConfig('dev', { mapConcurrency: 0 })).toThrow(
      /^invalid stage config "dev": mapConcurrency: got 0; .*>=1.*; fix the value in infra\/config\/stages\.ts \(STAGES\.dev\)$/,
    );
  });

  it('fails on a log retention CloudWatch does not offer', () => {
    expect(() => loadStageConfig('dev', { logRetentionDays: 45 })).toThrow(
      /logRetentionDays: got 45; expected a cloudwatch logs retention: 1, 3, 5/,
    );
  });

  it('fails on an unknown field, so a typo is never ignored', () => {
    expect(() => loadStageConfig('dev', { mapConcurency: 10 } as never)).toThrow(/mapConcurency/);
  });

  it('fails on every bad field at once', () => {
    // Act
    const load = () => loadStageConfig('dev', { regions: [], externalId: 'x', includeAccounts: ['123'] });

    // Assert
    expect(load).toThrow('regions: got []; list at least one region');
    expect(load).toThrow('externalId: got "x"; expected 2–1224');
    expect(load).toThrow('includeAccounts.0: got "123"; expected a 12-digit aws account id');
  });

  it('fails on an unknown stage with the stages it knows', () => {
    expect(() => loadStageConfig('staging')).toThrow(
      'unknown stage "staging"; use one of dev, prod (cdk synth -c stage=dev)',
    );
  });
});
