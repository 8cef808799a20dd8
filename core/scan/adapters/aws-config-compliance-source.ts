import {
  type ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  type EvaluationResult,
  GetComplianceDetailsByConfigRuleCommand,
  type GetComplianceDetailsByConfigRuleCommandOutput,
  paginateDescribeComplianceByConfigRule,
  paginateDescribeConfigRules,
} from '@aws-sdk/client-config-service';
import { type ComplianceType, ComplianceTypeSchema } from '../../domain/compliance-type.schema';
import type { AwsClientFactory } from '../../platform/aws/aws-clients';
import { hasAwsErrorName, toAppError } from '../../platform/aws/aws-errors';
import { ConfigNotEnabledError, NotFoundError, ValidationError } from '../../shared/errors';
import type {
  ComplianceSource,
  ComplianceSourceFactory,
  ConfigRuleInfo,
  EvaluationInfo,
  RecorderState,
  RuleComplianceInfo,
} from '../compliance-source.port';

/** Page size for GetComplianceDetailsByConfigRule: the API default is 10, which means 10× the calls and throttling. */
export const EVALUATIONS_PAGE_SIZE = 100;

const NO_RECORDER = 'NoAvailableConfigurationRecorderException';

const asComplianceType = (value: string | undefined): ComplianceType | undefined => {
  const parsed = ComplianceTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/**
 * AWS Config in one member account and region. Hides pagination, ignores `CappedCount` (capped at 25/100, so never a
 * count), and translates errors: `NoSuchConfigRuleException` → NotFoundError, `NoAvailableConfigurationRecorderException`
 * → `recorderState() === 'none'` or {@link ConfigNotEnabledError}, throttling → ThrottledError, 5xx → retryable
 * ExternalServiceError.
 */
export class AwsConfigComplianceSource implements ComplianceSource {
  constructor(
    private readonly client: ConfigServiceClient,
    private readonly target: { accountId: string; region: string },
  ) {}

  async recorderState(): Promise<RecorderState> {
    try {
      const out = await this.client.send(new DescribeConfigurationRecorderStatusCommand({}));
      const recorders = out.ConfigurationRecordersStatus ?? [];
      if (recorders.length === 0) return 'none';
      return recorders.some((r) => r.recording === true) ? 'recording' : 'stopped';
    } catch (err) {
      if (hasAwsErrorName(err, NO_RECORDER)) return 'none';
      throw this.translate(err, 'DescribeConfigurationRecorderStatus');
    }
  }

  async *listConfigRules(): AsyncIterable<ConfigRuleInfo> {
    const pages = paginateDescribeConfigRules({ client: this.client }, {});
    for await (const page of this.guard(pages, 'DescribeConfigRules')) {
      for (const rule of page.ConfigRules ?? []) {
        if (!rule.ConfigRuleName) continue;
        yield {
          ruleName: rule.ConfigRuleName,
          ...(rule.Source?.SourceIdentifier ? { sourceIdentifier: rule.Source.SourceIdentifier } : {}),
          ...(rule.ConfigRuleState ? { state: rule.ConfigRuleState } : {}),
        };
      }
    }
  }

  async *listRuleCompliance(): AsyncIterable<RuleComplianceInfo> {
    const pages = paginateDescribeComplianceByConfigRule({ client: this.client }, {});
    for await (const page of this.guard(pages, 'DescribeComplianceByConfigRule')) {
      for (const entry of page.ComplianceByConfigRules ?? []) {
        // Compliance.ComplianceContributorCount.CappedCount is deliberately not read: it stops at 25/100.
        if (!entry.ConfigRuleName || entry.Compliance?.ComplianceType === undefined) continue;
        const complianceType = asComplianceType(entry.Compliance.ComplianceType);
        if (!complianceType) throw unusable(this.where(), entry.ConfigRuleName, 'ComplianceType', entry.Compliance);
        yield { ruleName: entry.ConfigRuleName, complianceType };
      }
    }
  }

  async *listEvaluations(ruleName: string, types: readonly ComplianceType[]): AsyncIterable<EvaluationInfo> {
    let token: string | undefined;
    do {
      let page: GetComplianceDetailsByConfigRuleCommandOutput;
      try {
        page = await this.client.send(
          new GetComplianceDetailsByConfigRuleCommand({
            ConfigRuleName: ruleName,
            ComplianceTypes: [...types],
            Limit: EVALUATIONS_PAGE_SIZE,
            NextToken: token,
          }),
        );
      } catch (err) {
        if (hasAwsErrorName(err, 'NoSuchConfigRuleException')) {
          throw new NotFoundError(
            `config rule ${ruleName} not found in ${this.where()}; it was probably just deleted`,
            {
              cause: err,
            },
          );
        }
        throw this.translate(err, 'GetComplianceDetailsByConfigRule');
      }
      for (const result of page.EvaluationResults ?? []) yield toEvaluation(ruleName, result, this.where());
      token = page.NextToken;
    } while (token);
  }

  private async *guard<T>(pages: AsyncIterable<T>, operation: string): AsyncIterable<T> {
    try {
      yield* pages;
    } catch (err) {
      throw this.translate(err, operation);
    }
  }

  private translate(err: unknown, operation: string): Error {
    if (hasAwsErrorName(err, NO_RECORDER)) {
      return new ConfigNotEnabledError(
        `config not enabled in ${this.where()}: ${NO_RECORDER} from ${operation}; enable a configuration recorder there`,
        { ...this.target, cause: err },
      );
    }
    return toAppError(err, { service: 'config', operation, target: this.where() });
  }

  private where(): string {
    return `${this.target.accountId}/${this.target.region}`;
  }
}

/** A Config answer we cannot count from; thrown (not skipped) so a region never reports a silently short count. */
const unusable = (where: string, ruleName: string, field: string, value: unknown): ValidationError =>
  new ValidationError(
    `unusable config answer in ${where} for rule ${ruleName}: ${field} is ${JSON.stringify(value)?.slice(0, 200)}; the region is reported as failed`,
  );

const toEvaluation = (ruleName: string, result: EvaluationResult, where: string): EvaluationInfo => {
  const qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
  const complianceType = asComplianceType(result.ComplianceType);
  if (!qualifier?.ResourceType || !qualifier.ResourceId) {
    throw unusable(where, ruleName, 'EvaluationResultQualifier', qualifier);
  }
  if (!complianceType) throw unusable(where, ruleName, 'ComplianceType', result.ComplianceType);
  return {
    ruleName: qualifier.ConfigRuleName ?? ruleName,
    resourceType: qualifier.ResourceType,
    resourceId: qualifier.ResourceId,
    complianceType,
    ...(result.Annotation ? { annotation: result.Annotation } : {}),
    ...(result.ResultRecordedTime ? { recordedTime: new Date(result.ResultRecordedTime) } : {}),
  };
};

/**
 * The {@link ComplianceSourceFactory} over real AWS Config: one source per account and region, its client from
 * `clients.config` (memoised per account and region).
 */
export const createAwsConfigComplianceSourceFactory =
  (clients: Pick<AwsClientFactory, 'config'>): ComplianceSourceFactory =>
  ({ accountId, region, credentials }) =>
    new AwsConfigComplianceSource(clients.config(accountId, region, credentials), { accountId, region });
