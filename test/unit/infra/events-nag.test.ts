import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { StageConfigInput } from '../../../infra/config/stages';
import { buildTestApp } from './app-fixture';

/** The app with the events stacks and the AwsSolutions pack, as `cdk synth` runs it; a finding makes synth throw. */
const synthWithNag = (
  overrides: Partial<StageConfigInput>,
  arrange: (stacks: ReturnType<typeof buildTestApp>) => void = () => undefined,
) => {
  const stacks = buildTestApp('dev', overrides);
  arrange(stacks);
  Validations.of(stacks.app).addPlugins(new AwsSolutionsChecks(stacks.app, { verbose: true }));
  return () => stacks.app.synth();
};

describe('cdk-nag AwsSolutions on the compliance events stacks', () => {
  it('reports no unacknowledged finding with the Slack secret configured', () => {
    expect(
      synthWithNag({ slackSecretName: 'compliance/slack', events: { enabled: true, organizationId: 'o-a1b2c3d4e5' } }),
    ).not.toThrow();
  });

  it('fails the synth on an open bus policy nobody acknowledged', () => {
    // Arrange
    const synth = synthWithNag({ events: { enabled: true, organizationId: 'o-a1b2c3d4e5' } }, ({ events }) => {
      events?.hub.hub.bus.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'Open',
          principals: [new iam.AnyPrincipal()],
          actions: ['events:PutEvents'],
          resources: [events.hub.hub.bus.eventBusArn],
        }),
      );
    });

    // Act / Assert
    expect(synth).toThrow(/AwsSolutions-EVB1/);
  });
});
