import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { addComplianceReportStacks } from '../../../infra/compliance-report-app';
import type { StageConfigInput } from '../../../infra/config/stages';

/**
 * A fresh app with the stage's stacks, as `infra/app.ts` builds it, but with asset bundling skipped (fast tests) and
 * the cdk.json feature flag the workflow relies on.
 */
export const buildTestApp = (stage = 'dev', overrides: Partial<StageConfigInput> = {}) => {
  const app = new App({
    context: {
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2': true,
    },
  });
  return { app, ...addComplianceReportStacks(app, stage, overrides) };
};

/**
 * The state machine's ASL from a template: `DefinitionString` is an `Fn::Join` of strings and references; each
 * reference becomes a `<ref>` placeholder string so the result parses as JSON.
 */
export const definitionOf = (template: Template): Record<string, unknown> => {
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const [machine] = Object.values(machines);
  const definition = machine?.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] } | string;
  if (typeof definition === 'string') return JSON.parse(definition);
  const [, parts] = definition['Fn::Join'];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : '<ref>')).join(''));
};
