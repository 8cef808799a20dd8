import type { ConfigCorruption, ConfigurationItem, EvaluationResult } from '../scenario.schema';
import { decodeToken, page } from './paging';
import type { IndexedRegion, ScenarioIndex } from './scenario-index';
import { AwsFault, toEpochSeconds } from './wire';

/** The account and region a Config call acts on (from the SigV4 access key and credential scope). */
export interface ConfigTarget {
  accountId: string;
  region: string;
}

type Body = Record<string, unknown>;
type Compliance = 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';

/** Rules per page of DescribeConfigRules and DescribeComplianceByConfigRule (server-chosen, like AWS). */
export const CONFIG_RULES_PAGE_SIZE = 25;
const BAD_TOKEN = 'InvalidNextTokenException';
const COMPLIANCE_TYPES = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA'];

const invalid = (message: string): AwsFault => new AwsFault('InvalidParameterValueException', message);

const stringList = (body: Body, field: string, max: number): string[] | undefined => {
  const value = body[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw invalid(`${field} must be a list of strings`);
  if (value.length > max) {
    throw new AwsFault(
      'ValidationException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  }
  return value as string[];
};

const complianceTypes = (body: Body): string[] | undefined => {
  const types = stringList(body, 'ComplianceTypes', 3);
  const bad = types?.find((type) => !COMPLIANCE_TYPES.includes(type));
  if (bad !== undefined) throw invalid(`Value '${bad}' at 'complianceTypes' is not a valid ComplianceType`);
  return types;
};

const requireRecorder = (data: IndexedRegion, target: ConfigTarget): void => {
  if (data.recorder === false) {
    throw new AwsFault(
      'NoAvailableConfigurationRecorderException',
      `There are no configuration recorders available to provide the compliance data in ${target.region} of account ${target.accountId}.`,
    );
  }
};

const selectRules = (data: IndexedRegion, names: string[] | undefined) => {
  if (names === undefined) return data.rules;
  const missing = names.find((name) => !data.ruleByName.has(name));
  if (missing !== undefined) {
    throw new AwsFault('NoSuchConfigRuleException', `The ConfigRule '${missing}' provided in the request is invalid.`);
  }
  return data.rules.filter((rule) => names.includes(rule.ConfigRuleName));
};

/** A rule's rollup, derived from its evaluation results like AWS does. */
export const ruleCompliance = (evaluations: readonly EvaluationResult[]): Compliance => {
  if (evaluations.some((e) => e.ComplianceType === 'NON_COMPLIANT')) return 'NON_COMPLIANT';
  if (evaluations.some((e) => e.ComplianceType === 'COMPLIANT')) return 'COMPLIANT';
  return 'INSUFFICIENT_DATA';
};

const wireEvaluation = (evaluation: EvaluationResult): Body => {
  const id = evaluation.EvaluationResultIdentifier;
  return {
    ...evaluation,
    EvaluationResultIdentifier: {
      ...id,
      ...(id.OrderingTimestamp === undefined ? {} : { OrderingTimestamp: toEpochSeconds(id.OrderingTimestamp) }),
    },
    ResultRecordedTime: toEpochSeconds(evaluation.ResultRecordedTime),
    ConfigRuleInvokedTime: toEpochSeconds(evaluation.ConfigRuleInvokedTime),
  };
};

const OPERATIONS: Record<string, (body: Body, data: IndexedRegion, target: ConfigTarget) => Body> = {
  DescribeConfigurationRecorders: (_body, data, target) => ({
    ConfigurationRecorders:
      data.recorder === false
        ? []
        : [
            {
              name: 'default',
              roleARN: `arn:aws:iam::${target.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
              recordingGroup: { allSupported: true, includeGlobalResourceTypes: target.region === 'us-east-1' },
            },
          ],
  }),
  DescribeConfigurationRecorderStatus: (_body, data) => ({
    ConfigurationRecordersStatus:
      data.recorder === false
        ? []
        : [
            {
              name: 'default',
              recording: data.recorder === true,
              lastStatus: data.recorder === true ? 'SUCCESS' : 'PENDING',
            },
          ],
  }),
  DescribeConfigRules: (body, data) => {
    const names = stringList(body, 'ConfigRuleNames', 25);
    const rules = selectRules(data, names);
    const scope = `rules|${names?.join(',') ?? '*'}`;
    const { items, nextToken } = page(
      rules,
      decodeToken(body.NextToken, scope, BAD_TOKEN),
      CONFIG_RULES_PAGE_SIZE,
      scope,
    );
    return { ConfigRules: items, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
  },
  DescribeComplianceByConfigRule: (body, data, target) => {
    requireRecorder(data, target);
    const names = stringList(body, 'ConfigRuleNames', 25);
    const types = complianceTypes(body);
    const rows = selectRules(data, names)
      .map((rule) => {
        const evaluations = data.evaluationsByRule.get(rule.ConfigRuleName) ?? [];
        const type = ruleCompliance(evaluations);
        const nonCompliant = evaluations.filter((e) => e.ComplianceType === 'NON_COMPLIANT').length;
        const compliance =
          type === 'NON_COMPLIANT'
            ? {
                ComplianceType: type,
                ComplianceContributorCount: {
                  CappedCount: Math.min(nonCompliant, 100),
                  CapExceeded: nonCompliant > 100,
                },
              }
            : { ComplianceType: type };
        return { ConfigRuleName: rule.ConfigRuleName, Compliance: compliance };
      })
      .filter((row) => types === undefined || types.includes(row.Compliance.ComplianceType));
    const scope = `compliance|${names?.join(',') ?? '*'}|${types?.join(',') ?? '*'}`;
    const offset = decodeToken(body.NextToken, scope, BAD_TOKEN);
    const { items, nextToken } = page(rows, offset, CONFIG_RULES_PAGE_SIZE, scope);
    return { ComplianceByConfigRules: items, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
  },
  GetComplianceDetailsByConfigRule: (body, data, target) => {
    const ruleName = body.ConfigRuleName;
    if (typeof ruleName !== 'string' || ruleName === '') {
      throw new AwsFault(
        'ValidationException',
        "1 validation error detected: Value null at 'configRuleName' failed to satisfy constraint: Member must not be null",
      );
    }
    const limit = body.Limit ?? 0;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > 100) {
      throw invalid(`Limit must be an integer between 0 and 100, received ${JSON.stringify(limit)}`);
    }
    requireRecorder(data, target);
    const evaluations = data.evaluationsByRule.get(ruleName);
    if (evaluations === undefined) {
      throw new AwsFault(
        'NoSuchConfigRuleException',
        `The ConfigRule '${ruleName}' provided in the request is invalid.`,
      );
    }
    const types = complianceTypes(body);
    const selected = types === undefined ? evaluations : evaluations.filter((e) => types.includes(e.ComplianceType));
    const scope = `details|${ruleName}|${types?.join(',') ?? '*'}`;
    const offset = decodeToken(body.NextToken, scope, BAD_TOKEN);
    const { items, nextToken } = page(selected, offset, limit === 0 ? 10 : limit, scope);
    return {
      EvaluationResults: items.map(wireEvaluation),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
  },
};

const wireItem = (item: ConfigurationItem): Body => ({
  ...item,
  configurationItemCaptureTime: toEpochSeconds(item.configurationItemCaptureTime),
});

/**
 * `GetResourceConfigHistory` from the scenario's `configurationItems`: resourceType and resourceId required,
 * earlierTime/laterTime bounds on the capture time, `chronologicalOrder` (default Reverse), `limit` ≤ 100
 * (default 10) with nextToken paging; a resource with no item answers ResourceNotDiscoveredException.
 */
const resourceConfigHistory = (body: Body, items: readonly ConfigurationItem[]): Body => {
  const { resourceType, resourceId } = body;
  if (typeof resourceType !== 'string' || typeof resourceId !== 'string' || resourceId === '') {
    throw new AwsFault('ValidationException', 'resourceType and resourceId are required');
  }
  const limit = body.limit ?? 0;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > 100) {
    throw new AwsFault(
      'InvalidLimitException',
      `limit must be an integer between 0 and 100, received ${String(limit)}`,
    );
  }
  const earlier = body.earlierTime === undefined ? undefined : toEpochSeconds(body.earlierTime as number);
  const later = body.laterTime === undefined ? undefined : toEpochSeconds(body.laterTime as number);
  if (earlier !== undefined && later !== undefined && earlier > later) {
    throw new AwsFault('InvalidTimeRangeException', 'earlierTime must be before laterTime');
  }
  const history = items.filter((item) => item.resourceType === resourceType && item.resourceId === resourceId);
  if (history.length === 0) {
    throw new AwsFault(
      'ResourceNotDiscoveredException',
      `Resource ${resourceId} of resourceType:${resourceType} is unknown or has not been discovered`,
    );
  }
  const time = (item: ConfigurationItem) => toEpochSeconds(item.configurationItemCaptureTime);
  const forward = body.chronologicalOrder === 'Forward';
  const selected = history
    .filter((item) => (earlier === undefined || time(item) >= earlier) && (later === undefined || time(item) <= later))
    .sort((a, b) => (forward ? time(a) - time(b) : time(b) - time(a)));
  const scope = `history|${resourceType}|${resourceId}|${earlier ?? '*'}|${later ?? '*'}|${forward}`;
  const { items: pageItems, nextToken } = page(
    selected,
    decodeToken(body.nextToken, scope, BAD_TOKEN),
    limit || 10,
    scope,
  );
  return { configurationItems: pageItems.map(wireItem), ...(nextToken === undefined ? {} : { nextToken }) };
};

/**
 * Answers one AWS Config (`StarlingDoveService`) operation for an account and region, derived from the scenario.
 *
 * @throws AwsFault with the AWS error code (NoSuchConfigRuleException, NoAvailableConfigurationRecorderException, …)
 */
export const answerConfig = (operation: string, body: Body, target: ConfigTarget, index: ScenarioIndex): Body => {
  if (operation === 'GetResourceConfigHistory') {
    requireRecorder(index.region(target.accountId, target.region), target);
    const items = index.account(target.accountId)?.regions[target.region]?.configurationItems ?? [];
    return resourceConfigHistory(body, items);
  }
  const handler = OPERATIONS[operation];
  if (handler === undefined) {
    throw new AwsFault('UnknownOperationException', `the sandbox does not implement Config ${operation}`);
  }
  return handler(body, index.region(target.accountId, target.region), target);
};

/** Bytes of the unknown field a `huge-page` answer carries, and of each `huge-annotation` annotation. */
export const HUGE_PAGE_BYTES = 10 * 1024 * 1024;
export const HUGE_ANNOTATION_CHARS = 100 * 1024;

const mapEvaluations = (answer: Body, change: (evaluation: Body) => Body): Body => ({
  ...answer,
  EvaluationResults: ((answer.EvaluationResults as Body[] | undefined) ?? []).map(change),
});

const withQualifier = (evaluation: Body, change: (qualifier: Body) => Body): Body => {
  const id = evaluation.EvaluationResultIdentifier as Body;
  return {
    ...evaluation,
    EvaluationResultIdentifier: { ...id, EvaluationResultQualifier: change(id.EvaluationResultQualifier as Body) },
  };
};

/** An annotation of `HUGE_ANNOTATION_CHARS` characters with quotes and commas (CSV-hostile), starting with the real one. */
export const hugeAnnotation = (annotation: unknown): string => {
  const head = `${typeof annotation === 'string' ? annotation : 'no annotation'} `;
  return (head + '"quoted", '.repeat(HUGE_ANNOTATION_CHARS / 10)).slice(0, HUGE_ANNOTATION_CHARS);
};

/**
 * A hostile version of a GetComplianceDetailsByConfigRule answer (`faults.configCorruptResponses`); a string is sent
 * as is (status 200, not JSON). See `CONFIG_CORRUPTIONS` in scenario.schema.ts for the kinds.
 */
export const corruptConfigAnswer = (kind: ConfigCorruption | undefined, answer: Body): Body | string => {
  switch (kind) {
    case undefined:
      return answer;
    case 'missing-fields':
      return mapEvaluations(answer, (e) => withQualifier(e, ({ ResourceId: _dropped, ...qualifier }) => qualifier));
    case 'wrong-types':
      return mapEvaluations(answer, (e) => ({ ...e, ResultRecordedTime: 'yesterday' }));
    case 'unexpected-enum':
      return mapEvaluations(answer, (e) => ({ ...e, ComplianceType: 'MOSTLY_COMPLIANT' }));
    case 'not-json':
      return '<html><body><h1>502 Bad Gateway</h1></body></html>';
    case 'huge-page':
      return { ...answer, Padding: 'x'.repeat(HUGE_PAGE_BYTES) };
    case 'huge-annotation':
      return mapEvaluations(answer, (e) => ({ ...e, Annotation: hugeAnnotation(e.Annotation) }));
  }
};
