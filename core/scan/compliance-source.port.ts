import type { ComplianceType } from '../domain/compliance-type.schema';
import type { MemberCredentials } from '../platform/aws/member-access.port';

export type RecorderState = 'recording' | 'stopped' | 'none';

export interface ConfigRuleInfo {
  ruleName: string;
  sourceIdentifier?: string;
  state?: string;
}

export interface RuleComplianceInfo {
  ruleName: string;
  complianceType: ComplianceType;
}

export interface EvaluationInfo {
  ruleName: string;
  resourceType: string;
  resourceId: string;
  complianceType: ComplianceType;
  annotation?: string;
  recordedTime?: Date;
}

/**
 * AWS Config in one account and region. Methods hide pagination. `NoAvailableConfigurationRecorderException` becomes
 * `recorderState() === 'none'`; a rule deleted between list and detail (`NoSuchConfigRuleException`) makes
 * `listEvaluations` throw NotFoundError; throttling that outlives the SDK's retries throws ThrottledError.
 */
export interface ComplianceSource {
  recorderState(): Promise<RecorderState>;
  listConfigRules(): AsyncIterable<ConfigRuleInfo>;
  listRuleCompliance(): AsyncIterable<RuleComplianceInfo>;
  /** Evaluation results of one rule for the given types (`Limit: 100`, all pages). */
  listEvaluations(ruleName: string, types: readonly ComplianceType[]): AsyncIterable<EvaluationInfo>;
}

export interface ComplianceTarget {
  accountId: string;
  region: string;
  credentials: MemberCredentials;
}

/** Builds the Config source for one account and region (clients memoised per account and region by the adapter). */
export type ComplianceSourceFactory = (target: ComplianceTarget) => ComplianceSource;
