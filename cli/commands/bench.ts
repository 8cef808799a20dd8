import { parseArgs } from 'node:util';
import { ExitError } from '../errors';

/** `npm run bench`: placeholder replaced below once the sandbox generator is in. */
export const main = async (argv: string[]): Promise<void> => {
  parseArgs({ args: argv, options: {} });
  throw new ExitError('bench is not wired yet', 2);
};
