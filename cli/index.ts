#!/usr/bin/env node
// The CLI's entry point: picks the command, runs it, and alone maps errors to exit codes and messages.
import './local/runtime-setup';
import { AppError } from '../core/shared/errors';
import * as api from './commands/api';
import * as bench from './commands/bench';
import * as benchEvents from './commands/bench-events';
import * as events from './commands/events';
import * as run from './commands/run';
import { ExitError } from './errors';

const COMMANDS: Record<string, { summary: string; main: (argv: string[]) => Promise<void> }> = {
  run: { summary: 'run the workflow locally (sandbox by default, --live for real AWS)', main: run.main },
  bench: { summary: 'run the workflow on a generated organization and print figures', main: bench.main },
  events: {
    summary: 'replay Config compliance events through the ingest (local table, sandbox Slack)',
    main: events.main,
  },
  api: { summary: 'serve the compliance events query API over HTTP against the local table', main: api.main },
  'bench-events': { summary: 'ingest 100,000 compliance events locally and time queries', main: benchEvents.main },
};

const usage = (): string =>
  [
    'usage: npm run cli -- <command> [options]   (npm start = run, npm run bench = bench)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`),
    '',
    'Each command takes --help.',
  ].join('\n');

const main = async (): Promise<void> => {
  const [name, ...argv] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const command = COMMANDS[name];
  if (!command) throw new ExitError(`unknown command "${name}"\n\n${usage()}`, 2);
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
