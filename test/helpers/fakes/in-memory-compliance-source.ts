import type { ComplianceType } from '../../../core/domain/compliance-type.schema';
import type {
  ComplianceSource,
  ComplianceSourceFactory,
  ComplianceTarget,
  ConfigRuleInfo,
  EvaluationInfo,
  RecorderState,
  RuleComplianceInfo,
} from '../../../core/scan/compliance-source.port';
import { ConfigNotEnabledError, NotFoundError, ThrottledError } from '../../../core/shared/errors';

/** One seeded rule: its rollup (omit for "no rollup") and its evaluation results. */
export interface FakeRule {
  ruleName: string;
  sourceIdentifier?: string;
  compliance?: ComplianceType;
  evaluations?: Array<Omit<EvaluationInfo, 'ruleName'>>;
  /** Listed by DescribeConfigRules but gone by the time its details are read (NoSuchConfigRuleException). */
  deleted?: boolean;
}

/** Operations that can be made to fail. */
export type FakeOperation = 'recorderState' | 'listConfigRules' | 'listRuleCompliance' | 'listEvaluations';

/** AWS Config in one account and region, as seeded data. */
export interface FakeRegion {
  /** @default 'recording' */
  recorder?: RecorderState;
  rules?: FakeRule[];
  /** Throw this error from the operation (every call). */
  failures?: Partial<Record<FakeOperation, Error>>;
}

/** A throttling error like the adapter throws once the SDK's retries are spent. */
export const throttled = (): ThrottledError =>
  new ThrottledError('config throttled: ThrottlingException after the SDK retries', { service: 'config' });

/** The error the adapter throws when a compliance call finds no recorder. */
export const configNotEnabled = (accountId = '111111111111', region = 'us-east-1'): ConfigNotEnabledError =>
  new ConfigNotEnabledError(`config not enabled in ${accountId}/${region}`, { accountId, region });

/** A ComplianceSource over one {@link FakeRegion}; `calls` records each call as `<operation>[:<rule>:<types>]`. */
export class InMemoryComplianceSource implements ComplianceSource {
  readonly calls: string[] = [];

  constructor(
    private readonly region: FakeRegion,
    private readonly onCall: (call: string) => void = () => {},
  ) {}

  async recorderState(): Promise<RecorderState> {
    this.hit('recorderState');
    return this.region.recorder ?? 'recording';
  }

  async *listConfigRules(): AsyncIterable<ConfigRuleInfo> {
    this.hit('listConfigRules');
    for (const r of this.region.rules ?? []) {
      yield { ruleName: r.ruleName, ...(r.sourceIdentifier ? { sourceIdentifier: r.sourceIdentifier } : {}) };
    }
  }

  async *listRuleCompliance(): AsyncIterable<RuleComplianceInfo> {
    this.hit('listRuleCompliance');
    for (const r of this.region.rules ?? []) {
      if (r.compliance) yield { ruleName: r.ruleName, complianceType: r.compliance };
    }
  }

  async *listEvaluations(ruleName: string, types: readonly ComplianceType[]): AsyncIterable<EvaluationInfo> {
    this.hit('listEvaluations', `:${ruleName}:${types.join(',')}`);
    const rule = this.region.rules?.find((r) => r.ruleName === ruleName);
    if (!rule || rule.deleted) throw new NotFoundError(`config rule ${ruleName} not found`);
    for (const e of rule.evaluations ?? []) {
      if (types.includes(e.complianceType)) yield { ruleName, ...e };
    }
  }

  private hit(operation: FakeOperation, detail = ''): void {
    this.calls.push(`${operation}${detail}`);
    this.onCall(`${operation}${detail}`);
    const failure = this.region.failures?.[operation];
    if (failure) throw failure;
  }
}

/**
 * Seeded Config data per account and region, and the {@link ComplianceSourceFactory} over it (`factory`).
 * An account or region without data has no recorder (`recorderState() === 'none'`).
 */
export class InMemoryComplianceSources {
  /** Every call, as `<accountId>/<region> <operation>…`. */
  readonly calls: string[] = [];
  readonly targets: ComplianceTarget[] = [];

  constructor(readonly data: Record<string, Record<string, FakeRegion>> = {}) {}

  readonly factory: ComplianceSourceFactory = (target) => {
    this.targets.push(target);
    const region = this.data[target.accountId]?.[target.region] ?? { recorder: 'none' };
    return new InMemoryComplianceSource(region, (call) =>
      this.calls.push(`${target.accountId}/${target.region} ${call}`),
    );
  };
}
