import { LaceworkScenarioSchema } from '../lacework-scenario.schema';
import {
  type AccountScenario,
  type ConfigRule,
  DEFAULT_EXTERNAL_ID,
  DEFAULT_MEMBER_ROLE_NAME,
  type EvaluationResult,
  type Faults,
  type RegionScenario,
  type Scenario,
} from '../scenario.schema';
import { accountSizes } from './account-sizes';
import { type GenerateLaceworkOptions, generateLaceworkSection } from './lacework';
import { lazyRegion } from './lazy-region';
import {
  DORMANT_RULES,
  GLOBAL_RESOURCE_TYPES,
  MANAGED_RULES,
  type ManagedRule,
  RESOURCE_WEIGHTS,
} from './managed-rules';
import { organizationAccounts } from './organization';
import { Prng } from './prng';
import { type ResourceContext, resourceId } from './resource-ids';

/** Options of {@link generateScenario}. */
export interface GenerateScenarioOptions {
  /** Organization accounts, the management account included. */
  accounts: number;
  regions: string[];
  /** Config rules deployed in each account and region (beyond the managed-rule catalog, rules repeat under Security Hub names). */
  rulesPerRegion: number;
  seed: number;
  /** @default - 0 (every member role can be assumed) */
  accessDeniedRate?: number;
  /** Share of account+regions with no recorder. @default - 0 */
  configDisabledRate?: number;
  /** Share of account+regions whose recorder is stopped. @default - 0 */
  recorderStoppedRate?: number;
  /** Share of accounts SUSPENDED (never the management account). @default - 0 */
  suspendedRate?: number;
  faults?: Faults;
  /**
   * Adds a seeded `lacework` section (a framework, policies, reports, alerts); `true` for the defaults. The AWS part
   * is the same with or without it.
   * @default - no Lacework section
   */
  lacework?: boolean | GenerateLaceworkOptions;
  /** @default - `generated-<accounts>x<regions>-seed<seed>` */
  name?: string;
}

type Flavour = 'plain' | 'conformance-pack' | 'securityhub';
interface RuleTemplate {
  rule: ManagedRule;
  flavour: Flavour;
  dormant: boolean;
}

/** "Now" of every generated scenario: evaluation times fall in the three days before it. */
const BASE_TIME = Date.UTC(2026, 10, 20, 6, 0, 0) / 1000;
const NOT_APPLICABLE_RATE = 0.04;
const ANNOTATED_RATE = 0.7;
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** How rules are deployed, in rotation: half plain, a quarter by a conformance pack, a quarter by Security Hub. */
const FLAVOURS: readonly Flavour[] = ['plain', 'conformance-pack', 'plain', 'securityhub'];

/** The organization-wide rule set: catalog rules with a deployment flavour each; the last one is dormant. */
const ruleSet = (count: number, prng: Prng): RuleTemplate[] => {
  const templates: RuleTemplate[] = [];
  const offset = prng.int(0, FLAVOURS.length - 1);
  for (let i = 0; i < count; i += 1) {
    const round = Math.floor(i / MANAGED_RULES.length);
    const flavour = round > 0 ? 'securityhub' : (FLAVOURS[(i + offset) % FLAVOURS.length] as Flavour);
    templates.push({ rule: MANAGED_RULES[i % MANAGED_RULES.length] as ManagedRule, flavour, dormant: false });
  }
  if (count >= 2) templates[count - 1] = { rule: prng.pick(DORMANT_RULES), flavour: 'plain', dormant: true };
  return templates;
};

const configRule = (template: RuleTemplate, name: string, ctx: ResourceContext, prng: Prng): ConfigRule => {
  const id = `config-rule-${prng.lowerAlnum(6)}`;
  const principal = {
    plain: '',
    'conformance-pack': 'config-conforms.amazonaws.com',
    securityhub: 'securityhub.amazonaws.com',
  }[template.flavour];
  const path = principal === '' ? id : `aws-service-rule/${principal}/${id}`;
  const type = template.rule.resourceType;
  return {
    ConfigRuleName: name,
    ConfigRuleArn: `arn:aws:config:${ctx.region}:${ctx.accountId}:config-rule/${path}`,
    ConfigRuleId: id,
    ...(type === 'AWS::::Account'
      ? { MaximumExecutionFrequency: 'TwentyFour_Hours' }
      : { Scope: { ComplianceResourceTypes: [type] } }),
    Source: { Owner: 'AWS', SourceIdentifier: template.rule.identifier },
    ConfigRuleState: 'ACTIVE',
    ...(principal === '' ? {} : { CreatedBy: principal }),
    EvaluationModes: [{ Mode: 'DETECTIVE' }],
  };
};

interface RegionRecords {
  configRules: ConfigRule[];
  evaluations: EvaluationResult[];
}

/** One account+region's records, a pure function of its seed (so they can be rebuilt on demand). */
const generateRegion = (
  templates: readonly RuleTemplate[],
  ctx: ResourceContext,
  size: number,
  firstRegion: boolean,
  seed: number,
  withEvaluations: boolean,
): RegionRecords => {
  const prng = new Prng(seed);
  const packSuffix = prng.lowerAlnum(8);
  const used = new Set<string>();
  const configRules: ConfigRule[] = [];
  for (const [i, template] of templates.entries()) {
    const base = template.rule.name;
    let name =
      template.flavour === 'plain'
        ? base
        : template.flavour === 'conformance-pack'
          ? `${base}-conformance-pack-${packSuffix}`
          : `securityhub-${base}-${prng.hex(8)}`;
    if (used.has(name)) name = `${name}-${i}`;
    used.add(name);
    configRules.push(configRule(template, name, ctx, prng));
  }
  const evaluations: EvaluationResult[] = [];
  if (!withEvaluations) return { configRules, evaluations };
  // A second stream, so the rules alone can be rebuilt without drawing the evaluations.
  const draws = new Prng(seed ^ 0x5bd1e995);
  const inventory = new Map<string, string[]>();
  const resources = (type: string): string[] => {
    const known = inventory.get(type);
    if (known !== undefined) return known;
    const weight = GLOBAL_RESOURCE_TYPES.has(type) && !firstRegion ? 0 : (RESOURCE_WEIGHTS[type] ?? 0);
    const count = type === 'AWS::::Account' ? 1 : Math.round(size * weight * (0.5 + draws.next()));
    const ids = Array.from({ length: count }, (_, n) => resourceId(type, n + 1, ctx, draws));
    inventory.set(type, ids);
    return ids;
  };
  const orderingPool = Array.from({ length: 6 }, () => iso(BASE_TIME - draws.int(3 * 86_400, 60 * 86_400)));
  templates.forEach((template, i) => {
    if (template.dormant) return;
    const name = (configRules[i] as ConfigRule).ConfigRuleName;
    const invoked = BASE_TIME - draws.int(0, 72 * 3600);
    const invokedIso = iso(invoked);
    const recordedIso = iso(invoked + draws.int(1, 20));
    for (const id of resources(template.rule.resourceType)) {
      const roll = draws.next();
      const type =
        roll < NOT_APPLICABLE_RATE
          ? 'NOT_APPLICABLE'
          : roll < NOT_APPLICABLE_RATE + template.rule.nonCompliantRate
            ? 'NON_COMPLIANT'
            : 'COMPLIANT';
      const annotated =
        type === 'NON_COMPLIANT' && template.rule.annotation !== undefined && draws.chance(ANNOTATED_RATE);
      const evaluation: EvaluationResult = {
        EvaluationResultIdentifier: {
          EvaluationResultQualifier: {
            ConfigRuleName: name,
            ResourceType: template.rule.resourceType,
            ResourceId: id,
            EvaluationMode: 'DETECTIVE',
          },
          OrderingTimestamp: draws.pick(orderingPool),
        },
        ComplianceType: type,
        ResultRecordedTime: recordedIso,
        ConfigRuleInvokedTime: invokedIso,
      };
      if (annotated) evaluation.Annotation = template.rule.annotation;
      evaluations.push(evaluation);
    }
  });
  return { configRules, evaluations };
};

/**
 * Generates a synthetic organization, deterministic for a seed (mulberry32; no clock, no Math.random). Account sizes
 * are skewed like real organizations (see {@link accountSizes}): a few huge accounts (about 100 resources per type, so some
 * rules exceed the 100-result page and the CappedCount cap), about 8 % medium ones and many small ones with a resource
 * or two per type. Each region's rules and evaluations are built lazily from a per-region seed (see {@link lazyRegion}),
 * so 5,000 accounts × 4 regions × 150 rules generate in well under a second and take memory only for the regions read. Rule names are AWS managed rule names,
 * some with a conformance-pack suffix (`-conformance-pack-<8>`) or Security Hub form (`securityhub-<rule>-<8 hex>`);
 * some NON_COMPLIANT results carry annotations, about 4 % of results are NOT_APPLICABLE, and the last rule of each
 * region (when there are 2 or more) targets a resource type nobody has, so it has no evaluations (INSUFFICIENT_DATA).
 * IAM users are global resources and are recorded in the first region only.
 *
 * @example generateScenario({ accounts: 500, regions: ['us-east-1', 'eu-west-1'], rulesPerRegion: 20, seed: 42 })
 */
export const generateScenario = (options: GenerateScenarioOptions): Scenario => {
  const prng = new Prng(options.seed);
  const organization = organizationAccounts(options.accounts, options.suspendedRate ?? 0, prng);
  const templates = ruleSet(options.rulesPerRegion, prng);
  const sizes = accountSizes(organization.length, prng);
  const accounts: Record<string, AccountScenario> = {};
  organization.forEach((account, i) => {
    const size = sizes[i] as number;
    const regions: Record<string, RegionScenario> = {};
    options.regions.forEach((region, r) => {
      const ctx = { accountId: account.Id, accountName: account.Name, region };
      if (prng.chance(options.configDisabledRate ?? 0)) {
        regions[region] = { recorder: false, configRules: [], evaluations: [] };
        return;
      }
      const recorder = prng.chance(options.recorderStoppedRate ?? 0) ? 'stopped' : true;
      const seed = prng.int(0, 0xffff_ffff);
      regions[region] = lazyRegion(recorder, {
        rules: () => generateRegion(templates, ctx, size, r === 0, seed, false).configRules,
        all: () => generateRegion(templates, ctx, size, r === 0, seed, true),
      });
    });
    accounts[account.Id] = {
      assumeRole: i > 0 && prng.chance(options.accessDeniedRate ?? 0) ? 'AccessDenied' : 'ok',
      regions,
    };
  });
  return {
    name: options.name ?? `generated-${options.accounts}x${options.regions.length}-seed${options.seed}`,
    description: `Generated by generateScenario (seed ${options.seed}, ${options.rulesPerRegion} rules per region)`,
    externalId: DEFAULT_EXTERNAL_ID,
    memberRoleName: DEFAULT_MEMBER_ROLE_NAME,
    organization: { accounts: organization },
    accounts,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.lacework === undefined || options.lacework === false
      ? {}
      : {
          lacework: LaceworkScenarioSchema.parse(
            generateLaceworkSection(organization, options.seed, options.lacework === true ? {} : options.lacework),
          ),
        }),
  };
};
