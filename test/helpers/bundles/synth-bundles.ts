import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { addComplianceReportStacks } from '../../../infra/compliance-report-app';
import type { StageConfigInput } from '../../../infra/config/stages';

/** A template environment value: a string, or an intrinsic (`Fn::ImportValue`, `Ref`) resolved at deploy time. */
export type TemplateValue = string | Record<string, unknown>;

/** One Lambda function of the synthesized templates and the bundle `cdk synth` wrote for it. */
export interface SynthesizedFunction {
  /** Stack name, e.g. `ComplianceReport-dev-Stateless`. */
  stack: string;
  /** Logical id in the template, e.g. `FunctionsScanAccountFunction9FFFFE98`. */
  logicalId: string;
  /** `Handler` of the template (`index.handler`): the file and the export Lambda loads. */
  handler: string;
  /** The bundle file Lambda loads, `<outdir>/asset.<hash>/index.js`. */
  bundleFile: string;
  /** `Environment.Variables` as the template gives them. */
  environment: Readonly<Record<string, TemplateValue>>;
  memorySize: number;
  timeoutSeconds: number;
}

interface LambdaResource {
  Type: string;
  Properties: {
    Code?: { S3Key?: string };
    Handler?: string;
    MemorySize?: number;
    Timeout?: number;
    Environment?: { Variables?: Record<string, TemplateValue> };
  };
}

/**
 * Synthesizes the app as `infra/app.ts` does (same stacks and the cdk.json context, cdk-nag left out: `npm test`'s
 * `cdk synth` runs it), bundling every function with the local esbuild into `outdir`.
 */
export const synthesizeApp = (outdir: string, stage = 'dev', overrides: Partial<StageConfigInput> = {}): void => {
  const cdkJson = JSON.parse(readFileSync(join(__dirname, '../../../cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const app = new App({ outdir, context: { ...cdkJson.context, stage } });
  addComplianceReportStacks(app, stage, overrides);
  app.synth();
};

/** The bundle file of a function: the asset directory named by the hash in the template's `Code.S3Key`. */
const bundleOf = (outdir: string, where: string, resource: LambdaResource): string => {
  const key = resource.Properties.Code?.S3Key;
  const hash = key?.replace(/\.zip$/, '');
  const [file, exported] = (resource.Properties.Handler ?? '').split('.');
  if (!hash || !file || !exported) {
    throw new Error(
      `${where}: expected Code.S3Key <hash>.zip and Handler <file>.<export>, got ${key} and ${resource.Properties.Handler}`,
    );
  }
  const bundleFile = join(outdir, `asset.${hash}`, `${file}.js`);
  if (!existsSync(bundleFile)) {
    throw new Error(`${where}: no bundle at ${bundleFile}; did the synth bundle the assets (aws:cdk:bundling-stacks)?`);
  }
  return bundleFile;
};

/** Every `AWS::Lambda::Function` of the templates in `outdir`, with its bundle and template environment. */
export const synthesizedFunctions = (outdir: string): SynthesizedFunction[] =>
  readdirSync(outdir)
    .filter((name) => name.endsWith('.template.json'))
    .flatMap((name) => {
      const stack = name.replace(/\.template\.json$/, '');
      const template = JSON.parse(readFileSync(join(outdir, name), 'utf8')) as {
        Resources: Record<string, LambdaResource>;
      };
      return Object.entries(template.Resources)
        .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
        .map(([logicalId, resource]) => ({
          stack,
          logicalId,
          handler: resource.Properties.Handler ?? '',
          bundleFile: bundleOf(outdir, `${stack}/${logicalId}`, resource),
          environment: resource.Properties.Environment?.Variables ?? {},
          memorySize: resource.Properties.MemorySize ?? 128,
          timeoutSeconds: resource.Properties.Timeout ?? 3,
        }));
    });

/** The function whose logical id starts with `Functions<name>Function` (the ReportFunction construct's path). */
export const functionNamed = (functions: readonly SynthesizedFunction[], name: string): SynthesizedFunction => {
  const found = functions.filter((f) => f.logicalId.startsWith(`Functions${name}Function`));
  if (found.length !== 1) {
    const names = functions.map((f) => f.logicalId).join(', ');
    throw new Error(`expected one function named ${name} in the templates, found ${found.length}; functions: ${names}`);
  }
  return found[0] as SynthesizedFunction;
};
