// Jest setup for every project: the local runtime setup (polyfill, SDK notice off) and quiet Powertools logs unless
// a test asks for them.
import '../../cli/local/runtime-setup';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
