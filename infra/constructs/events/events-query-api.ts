import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface EventsQueryApiProps {
  /** The events-api function (entry `lambdas/events-api/index.ts`), behind a Lambda proxy integration. */
  readonly handler: lambda.IFunction;
  /** Steady-state requests per second of the stage. */
  readonly rateLimit: number;
  /** Burst of the stage. */
  readonly burstLimit: number;
  /** Days the access and execution logs are kept. */
  readonly logRetention: logs.RetentionDays;
}

/** Query string parameters of `GET /events` (all optional; the handler validates them and answers 400). */
export const EVENTS_QUERY_PARAMETERS = [
  'account',
  'region',
  'rule',
  'resourceType',
  'resourceId',
  'complianceType',
  'from',
  'to',
  'limit',
  'cursor',
] as const;

/**
 * The compliance events query API: a regional REST API, IAM-authorised (SigV4: auditors and tools call it with their
 * own roles), JSON access logs, execution logs for errors, X-Ray, and stage throttling. Two routes, both the same Lambda
 * proxy integration: `GET /events` and `GET /accounts/{id}/compliance`. API Gateway checks the declared parameters are
 * known; their values are checked by the handler, which names a bad parameter in its 400.
 */
export class EventsQueryApi extends Construct {
  readonly api: apigw.RestApi;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: EventsQueryApiProps) {
    super(scope, id);
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new apigw.RestApi(this, 'Api', {
      description: 'Compliance events: history and latest compliance per account (IAM-authorised)',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
      deployOptions: {
        stageName: 'v1',
        accessLogDestination: new apigw.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
      },
    });
    const validator = this.api.addRequestValidator('Parameters', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    const integration = new apigw.LambdaIntegration(props.handler);

    this.api.root.addResource('events').addMethod('GET', integration, {
      requestValidator: validator,
      requestParameters: Object.fromEntries(
        EVENTS_QUERY_PARAMETERS.map((p) => [`method.request.querystring.${p}`, false]),
      ),
    });
    this.api.root
      .addResource('accounts')
      .addResource('{id}')
      .addResource('compliance')
      .addMethod('GET', integration, {
        requestValidator: validator,
        requestParameters: {
          'method.request.path.id': true,
          'method.request.querystring.limit': false,
          'method.request.querystring.cursor': false,
        },
      });

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-COG4',
      reason:
        'IAM (SigV4) authorisation instead of a Cognito user pool: callers are auditors and tools with AWS roles, not end users',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'no WAF: every route requires SigV4-signed requests from IAM principals, the stage is throttled, and the API is read-only',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "API Gateway's account-wide CloudWatch Logs role (execution logs); the AWS managed policy is the one AWS documents for it",
    });
  }
}
