import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildTestApp } from './app-fixture';

/** The whole app (all stacks) with the AwsSolutions pack, as `cdk synth` runs it; a finding makes synth throw. */
const synthWithNag = (
  arrange: (stacks: ReturnType<typeof buildTestApp>) => void = () => undefined,
  overrides: Parameters<typeof buildTestApp>[1] = {},
) => {
  const stacks = buildTestApp('dev', overrides);
  arrange(stacks);
  Validations.of(stacks.app).addPlugins(new AwsSolutionsChecks(stacks.app, { verbose: true }));
  return () => stacks.app.synth();
};

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding on the app', () => {
    expect(synthWithNag()).not.toThrow();
  });

  it('reports no unacknowledged finding with the Lacework, Slack and Jira secrets configured', () => {
    // Arrange
    const secrets = {
      laceworkSecretName: 'compliance/lacework',
      slackSecretName: 'compliance/slack',
      jiraSecretName: 'compliance/jira',
      jiraProjectKey: 'SEC',
    };

    // Act / Assert
    expect(synthWithNag(() => undefined, secrets)).not.toThrow();
  });

  it('fails the synth on a wildcard nobody acknowledged', () => {
    // Arrange
    const synth = synthWithNag(({ stateless }) => {
      stateless.functions.resolveRun.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::somewhere/*'] }),
      );
    });

    // Act / Assert
    expect(synth).toThrow(/AwsSolutions-IAM5\[Resource::arn:aws:s3:::somewhere\/\*\]/);
  });
});
