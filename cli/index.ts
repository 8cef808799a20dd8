#!/usr/bin/env node
// The CLI's entry point: picks the command, runs it, and alone maps errors to exit codes and messages.
import './local/runtime-setup';
import { AppError } from '../core/shared/errors';
import { COMMANDS, cliUsage } from './command-table';
import { ExitError } from './exit-error';

const main = async (): Promise<void> => {
  const [name, ...argv] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${cliUsage()}\n`);
    return;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new ExitError(`unknown command "${name}"\n\n${cliUsage()}`, 2);
  await command.main(argv);
};

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof ExitError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(error.code);
    }
    if (error instanceof AppError) {
      process.stderr.write(`error: ${error.name}: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(
      `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(70);
  },
);
