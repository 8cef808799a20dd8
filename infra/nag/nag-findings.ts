import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * How cdk-nag spells a value in a granular finding id, e.g. `<ScanAccountFunctionCF49FAA4.Arn>` for a function ARN or
 * the export name for an imported value. Mirrors cdk-nag's `flattenCfnReference` (not exported by the package), so an
 * acknowledgment can name a finding without hard-coding logical ids. The nag test fails if the two ever drift apart.
 */
export const nagRef = (scope: IConstruct, value: string): string => flatten(Stack.of(scope).resolve(value));

const flatten = (node: unknown): string => {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  const o = node as Record<string, unknown>;
  if (o['Fn::Join']) {
    const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
    return items.map(flatten).join(delimiter);
  }
  if (o['Fn::Sub']) return flatten(o['Fn::Sub']);
  if (o['Fn::GetAtt']) {
    const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown];
    return `<${flatten(resource)}.${flatten(attribute)}>`;
  }
  if (o['Fn::ImportValue']) return flatten(o['Fn::ImportValue']);
  if (o.Ref) return `<${flatten(o.Ref)}>`;
  return JSON.stringify(node);
};

/**
 * Acknowledges granular AwsSolutions-IAM5 findings (`Action::…` / `Resource::…`) on `scope` and its children, one
 * acknowledgment per finding as cdk-nag v3 requires, all with the same specific reason.
 */
export const acknowledgeIam5 = (scope: IConstruct, findings: readonly string[], reason: string): void => {
  for (const finding of findings) Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
};
