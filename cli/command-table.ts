import * as api from './commands/api';
import * as bench from './commands/bench';
import * as benchEvents from './commands/bench-events';
import * as events from './commands/events';
import * as failed from './commands/failed';
import * as redrive from './commands/redrive';
import * as reports from './commands/reports';
import * as run from './commands/run';
import * as start from './commands/start';
import * as watch from './commands/watch';

/** A CLI command: the line `npm run cli -- --help` shows, and its entry (which takes the arguments after its name). */
export interface CliCommand {
  summary: string;
  main: (argv: string[]) => Promise<void>;
}

/** Every command of the CLI by name; each one's module in cli/commands/ has the same name. */
export const COMMANDS: Record<string, CliCommand> = {
  run: { summary: 'run the workflow locally (sandbox by default, --live for real AWS)', main: run.main },
  bench: {
    summary: 'run the workflow on a generated organization, then the merger, and print figures',
    main: bench.main,
  },
  events: {
    summary: 'replay Config compliance events through the ingest (local table, sandbox Slack)',
    main: events.main,
  },
  api: { summary: 'serve the compliance events query API over HTTP against the local table', main: api.main },
  'bench-events': { summary: 'ingest 100,000 compliance events locally and time queries', main: benchEvents.main },
  start: {
    summary: 'start an execution of the deployed (or sandbox) state machine, validated input',
    main: start.main,
  },
  watch: { summary: "follow an execution's Map Run counts until it stops", main: watch.main },
  failed: { summary: "list an execution's failed accounts with their error and cause", main: failed.main },
  redrive: { summary: 'redrive a failed execution (only its failed accounts run again)', main: redrive.main },
  reports: { summary: "download an execution's reports from S3", main: reports.main },
};

/** The CLI's usage: one line per command of {@link COMMANDS}. */
export const cliUsage = (): string =>
  [
    'usage: npm run cli -- <command> [options]   (npm start = run, npm run bench = bench)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`),
    '',
    'Each command takes --help.',
  ].join('\n');
