import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { COMPLIANCE_CHANGE_PATTERN } from './compliance-change-pattern';

/** An AWS Organizations id, e.g. `o-a1b2c3d4e5`. */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

export interface HubEventBusProps {
  /** Name of the bus; member forwarding rules target `arn:aws:events:<region>:<hub>:event-bus/<busName>`. */
  readonly busName: string;
  /** The organization whose accounts (and only those) may put events on the bus (`aws:PrincipalOrgID`). */
  readonly organizationId: string;
  /**
   * Days the archive keeps events for replay.
   * @default 30
   */
  readonly archiveRetentionDays?: number;
}

/**
 * The hub event bus that member accounts forward AWS Config compliance changes to. Its resource policy lets any
 * principal of the organization (the member forwarding roles) call `events:PutEvents`, and nobody else. An archive keeps
 * the compliance changes for replay: a disabled or failing rule does not buffer events, an archive does.
 */
export class HubEventBus extends Construct {
  readonly bus: events.EventBus;
  readonly archive: events.Archive;

  constructor(scope: Construct, id: string, props: HubEventBusProps) {
    super(scope, id);
    if (!ORGANIZATION_ID_PATTERN.test(props.organizationId)) {
      throw new Error(
        `${this.node.path}: invalid organization id "${props.organizationId}"; expected o- and 10-32 of a-z0-9 (aws organizations describe-organization)`,
      );
    }
    this.bus = new events.EventBus(this, 'Bus', {
      eventBusName: props.busName,
      description: 'Compliance events: AWS Config compliance changes forwarded by the organization accounts',
    });
    this.bus.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OrganizationAccountsPutEvents',
        principals: [new iam.AnyPrincipal()],
        actions: ['events:PutEvents'],
        resources: [this.bus.eventBusArn],
        conditions: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } },
      }),
    );
    this.archive = this.bus.archive('Archive', {
      description: 'AWS Config compliance changes, kept for replay after an outage or a fix to the ingest',
      eventPattern: COMPLIANCE_CHANGE_PATTERN,
      retention: Duration.days(props.archiveRetentionDays ?? 30),
    });
    this.archive.applyRemovalPolicy(RemovalPolicy.DESTROY);
  }
}
