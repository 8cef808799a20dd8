// Jest setup for every project: quiet Powertools logs unless a test asks for them, and the
// Promise.withResolvers polyfill that aws-local-stepfunctions needs on Node 20.
import '../../cli/local/polyfills';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING ??= '1';
