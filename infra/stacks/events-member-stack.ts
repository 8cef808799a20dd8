import { CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { COMPLIANCE_CHANGE_PATTERN } from '../constructs/events/compliance-change-pattern';

/** Pattern of an event bus ARN, for the `HubEventBusArn` parameter. */
const EVENT_BUS_ARN = '^arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[\\w.+=,@/-]{1,256}$';

/**
 * The member-account template of the compliance events feature, deployed to every member account and region by a
 * service-managed StackSet (not deployed to the hub). AWS Config emits compliance changes only to the default bus of
 * the account and region, so a rule there forwards them to the hub bus (`HubEventBusArn` parameter, the hub stack's
 * output). EventBridge puts them with a role of its own, as AWS recommends for bus-to-bus targets in an organization;
 * the hub bus policy admits the role because its account belongs to the organization.
 */
export class EventsMemberStack extends Stack {
  readonly rule: events.Rule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const hubBusArn = new CfnParameter(this, 'HubEventBusArn', {
      type: 'String',
      description: 'ARN of the hub compliance events bus (output HubEventBusArn of the hub events stack)',
      allowedPattern: EVENT_BUS_ARN,
      constraintDescription:
        'an event bus ARN such as arn:aws:events:us-east-1:111111111111:event-bus/compliance-events',
    });
    const hubBus = events.EventBus.fromEventBusArn(this, 'HubBus', hubBusArn.valueAsString);

    this.role = new iam.Role(this, 'ForwardRole', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: 'Lets EventBridge forward AWS Config compliance changes to the hub compliance events bus',
    });
    // The target grants the role events:PutEvents on the hub bus, and nothing else.
    this.rule = new events.Rule(this, 'ForwardComplianceChanges', {
      description: 'Forwards AWS Config compliance changes of this account and region to the hub compliance events bus',
      eventPattern: COMPLIANCE_CHANGE_PATTERN,
      targets: [new targets.EventBus(hubBus, { role: this.role })],
    });
  }
}
