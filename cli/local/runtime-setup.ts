/**
 * Process-wide settings for local runs, imported before anything else: aws-local-stepfunctions needs
 * `Promise.withResolvers` on Node 20, and the AWS SDK's "Node 22 needed from January 2027" notice is noise on every
 * local run (the Lambda runtime is Node.js 24).
 */
import './polyfills';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
