import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addComplianceReportStacks } from './compliance-report-app';
import { DEFAULT_STAGE } from './config/stages';

// The CDK app: `npx cdk synth` (stage dev) or `npx cdk synth -c stage=prod`. cdk-nag's AwsSolutions pack runs on every
// synth; an unacknowledged finding fails it. Acknowledgments sit beside their resources, each with its reason.
const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? DEFAULT_STAGE);
addComplianceReportStacks(app, stage);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
