import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  GetComplianceDetailsByConfigRuleCommand,
  NoAvailableConfigurationRecorderException,
  NoSuchConfigRuleException,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClientFactory } from '../../../../../core/platform/aws/aws-clients';
import {
  AwsConfigComplianceSource,
  createAwsConfigComplianceSourceFactory,
} from '../../../../../core/scan/adapters/aws-config-compliance-source';
import {
  ConfigNotEnabledError,
  ExternalServiceError,
  NotFoundError,
  ThrottledError,
} from '../../../../../core/shared/errors';
import { awsError } from '../../../../helpers/fakes/aws-sdk-errors';

const config = mockClient(ConfigServiceClient);
const target = { accountId: '111111111111', region: 'eu-west-1' };
const source = () => new AwsConfigComplianceSource(new ConfigServiceClient({ region: 'eu-west-1' }), target);
const noRecorder = () => new NoAvailableConfigurationRecorderException({ message: 'no recorder', $metadata: {} });

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

const evaluation = (resourceId: string, complianceType: 'COMPLIANT' | 'NON_COMPLIANT') => ({
  EvaluationResultIdentifier: {
    EvaluationResultQualifier: { ConfigRuleName: 's3-rule', ResourceType: 'AWS::S3::Bucket', ResourceId: resourceId },
  },
  ComplianceType: complianceType,
  Annotation: complianceType === 'NON_COMPLIANT' ? 'public' : undefined,
  ResultRecordedTime: new Date('2026-11-05T10:00:00Z'),
});

describe('AwsConfigComplianceSource', () => {
  beforeEach(() => config.reset());

  describe('recorderState', () => {
    it.each([
      ['recording', [{ name: 'default', recording: true }]],
      ['stopped', [{ name: 'default', recording: false }]],
      ['none', []],
    ])('returns %s for the recorder status', async (expected, statuses) => {
      config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: statuses });
      await expect(source().recorderState()).resolves.toBe(expected);
    });

    it('returns none on NoAvailableConfigurationRecorderException', async () => {
      config.on(DescribeConfigurationRecorderStatusCommand).rejects(noRecorder());
      await expect(source().recorderState()).resolves.toBe('none');
    });

    it('throws ThrottledError when throttling outlives the SDK retries', async () => {
      config.on(DescribeConfigurationRecorderStatusCommand).rejects(awsError('ThrottlingException'));
      await expect(source().recorderState()).rejects.toBeInstanceOf(ThrottledError);
    });
  });

  describe('listConfigRules', () => {
    it('lists every rule across pages with its source identifier', async () => {
      // Arrange
      config
        .on(DescribeConfigRulesCommand)
        .resolvesOnce({
          ConfigRules: [
            { ConfigRuleName: 'a', Source: { Owner: 'AWS', SourceIdentifier: 'S3_X' }, ConfigRuleState: 'ACTIVE' },
          ],
          NextToken: 'n1',
        })
        .resolvesOnce({
          ConfigRules: [{ ConfigRuleName: 'b', Source: { Owner: 'CUSTOM_LAMBDA', SourceIdentifier: '' } }],
        });

      // Act
      const rules = await collect(source().listConfigRules());

      // Assert
      expect(rules).toEqual([{ ruleName: 'a', sourceIdentifier: 'S3_X', state: 'ACTIVE' }, { ruleName: 'b' }]);
      expect(config.commandCalls(DescribeConfigRulesCommand)[1]?.args[0].input).toMatchObject({ NextToken: 'n1' });
    });

    it('throws ConfigNotEnabledError on NoAvailableConfigurationRecorderException', async () => {
      // Arrange
      config.on(DescribeConfigRulesCommand).rejects(noRecorder());

      // Act
      const error = await collect(source().listConfigRules()).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(ConfigNotEnabledError);
      expect(error).toMatchObject({ name: 'ConfigNotEnabled', accountId: '111111111111', region: 'eu-west-1' });
    });
  });

  describe('listRuleCompliance', () => {
    it('returns the rollup per rule and ignores CappedCount', async () => {
      // Arrange
      config.on(DescribeComplianceByConfigRuleCommand).resolves({
        ComplianceByConfigRules: [
          {
            ConfigRuleName: 'a',
            Compliance: {
              ComplianceType: 'NON_COMPLIANT',
              ComplianceContributorCount: { CappedCount: 25, CapExceeded: true },
            },
          },
          { ConfigRuleName: 'b', Compliance: { ComplianceType: 'INSUFFICIENT_DATA' } },
          { ConfigRuleName: 'c', Compliance: {} },
        ],
      });

      // Act
      const rollups = await collect(source().listRuleCompliance());

      // Assert
      expect(rollups).toEqual([
        { ruleName: 'a', complianceType: 'NON_COMPLIANT' },
        { ruleName: 'b', complianceType: 'INSUFFICIENT_DATA' },
      ]);
    });

    it('throws a retryable ExternalServiceError on HTTP 503', async () => {
      config.on(DescribeComplianceByConfigRuleCommand).rejects(awsError('ServiceUnavailable', { status: 503 }));
      const error = await collect(source().listRuleCompliance()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExternalServiceError);
      expect(error).toMatchObject({ retryable: true, service: 'config' });
    });
  });

  describe('listEvaluations', () => {
    it('requests Limit 100 with the given types and reads every page', async () => {
      // Arrange
      config
        .on(GetComplianceDetailsByConfigRuleCommand)
        .resolvesOnce({ EvaluationResults: [evaluation('b1', 'NON_COMPLIANT')], NextToken: 'p2' })
        .resolvesOnce({ EvaluationResults: [], NextToken: 'p3' })
        .resolvesOnce({ EvaluationResults: [evaluation('b2', 'COMPLIANT')] });

      // Act
      const rows = await collect(source().listEvaluations('s3-rule', ['NON_COMPLIANT', 'COMPLIANT']));

      // Assert
      expect(rows).toEqual([
        {
          ruleName: 's3-rule',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'b1',
          complianceType: 'NON_COMPLIANT',
          annotation: 'public',
          recordedTime: new Date('2026-11-05T10:00:00Z'),
        },
        {
          ruleName: 's3-rule',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'b2',
          complianceType: 'COMPLIANT',
          recordedTime: new Date('2026-11-05T10:00:00Z'),
        },
      ]);
      const inputs = config.commandCalls(GetComplianceDetailsByConfigRuleCommand).map((c) => c.args[0].input);
      expect(inputs).toEqual([
        {
          ConfigRuleName: 's3-rule',
          ComplianceTypes: ['NON_COMPLIANT', 'COMPLIANT'],
          Limit: 100,
          NextToken: undefined,
        },
        { ConfigRuleName: 's3-rule', ComplianceTypes: ['NON_COMPLIANT', 'COMPLIANT'], Limit: 100, NextToken: 'p2' },
        { ConfigRuleName: 's3-rule', ComplianceTypes: ['NON_COMPLIANT', 'COMPLIANT'], Limit: 100, NextToken: 'p3' },
      ]);
    });

    it('throws NotFoundError when the rule was deleted', async () => {
      // Arrange
      const cause = new NoSuchConfigRuleException({ message: 'gone', $metadata: {} });
      config.on(GetComplianceDetailsByConfigRuleCommand).rejects(cause);

      // Act
      const error = await collect(source().listEvaluations('s3-rule', ['COMPLIANT'])).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ cause, message: expect.stringContaining('config rule s3-rule not found') });
    });

    it('throws ThrottledError on TooManyRequestsException', async () => {
      config.on(GetComplianceDetailsByConfigRuleCommand).rejects(awsError('TooManyRequestsException'));
      const error = await collect(source().listEvaluations('s3-rule', ['COMPLIANT'])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThrottledError);
    });
  });
});

describe('createAwsConfigComplianceSourceFactory', () => {
  it('builds one source per account and region over the memoised client', async () => {
    // Arrange
    config.reset();
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    const clients = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 3 });
    const factory = createAwsConfigComplianceSourceFactory(clients);
    const credentials = { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' };

    // Act
    const state = await factory({ accountId: '111111111111', region: 'eu-west-1', credentials }).recorderState();

    // Assert
    expect(state).toBe('none');
    expect(clients.config('111111111111', 'eu-west-1', credentials)).toBe(
      clients.config('111111111111', 'eu-west-1', credentials),
    );
  });
});
