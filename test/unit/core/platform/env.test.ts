import { loadEnv } from '../../../../core/platform/env';

const valid = {
  REPORT_BUCKET: 'reports-bucket',
  MEMBER_ROLE_NAME: 'ComplianceReader',
  MEMBER_EXTERNAL_ID: 'ext-123',
  REGIONS: 'us-east-1, eu-west-1',
};

describe('loadEnv', () => {
  it('parses lists and applies defaults', () => {
    // Act
    const env = loadEnv(valid);

    // Assert
    expect(env).toMatchObject({
      REGIONS: ['us-east-1', 'eu-west-1'],
      FRAMEWORKS: [],
      REPORT_TIME_ZONE: 'Asia/Hong_Kong',
      POWERTOOLS_SERVICE_NAME: 'aws-config-compliance',
      AWS_MAX_ATTEMPTS: 10,
      REGION_CONCURRENCY: 4,
    });
  });

  it('throws a ConfigError naming the missing variable', () => {
    // Arrange
    const { REPORT_BUCKET: _omitted, ...missing } = valid;

    // Act + Assert
    expect(() => loadEnv(missing)).toThrow(expect.objectContaining({ name: 'ConfigError' }));
    expect(() => loadEnv(missing)).toThrow(/REPORT_BUCKET/);
  });

  it('reads the local-only Lacework API base URL, and rejects one that is not a URL naming the variable', () => {
    expect(loadEnv({ ...valid, LACEWORK_API_BASE_URL: 'http://127.0.0.1:4567' }).LACEWORK_API_BASE_URL).toBe(
      'http://127.0.0.1:4567',
    );
    expect(loadEnv(valid).LACEWORK_API_BASE_URL).toBeUndefined();
    expect(() => loadEnv({ ...valid, LACEWORK_API_BASE_URL: 'sandbox' })).toThrow(/LACEWORK_API_BASE_URL/);
  });

  it('throws when REGIONS is empty, saying what to give', () => {
    expect(() => loadEnv({ ...valid, REGIONS: ' , ' })).toThrow(/REGIONS needs at least one region/);
  });

  it('throws when a number is out of range, naming the value', () => {
    expect(() => loadEnv({ ...valid, AWS_MAX_ATTEMPTS: '99' })).toThrow(/AWS_MAX_ATTEMPTS/);
  });

  it('reads the optional Config pacing rate, and rejects a non-positive one naming the variable', () => {
    expect(loadEnv({ ...valid, CONFIG_MAX_REQUESTS_PER_SECOND: '5' }).CONFIG_MAX_REQUESTS_PER_SECOND).toBe(5);
    expect(loadEnv(valid).CONFIG_MAX_REQUESTS_PER_SECOND).toBeUndefined();
    expect(() => loadEnv({ ...valid, CONFIG_MAX_REQUESTS_PER_SECOND: '0' })).toThrow(/CONFIG_MAX_REQUESTS_PER_SECOND/);
  });
});
