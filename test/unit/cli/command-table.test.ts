import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type CliCommand, COMMANDS, cliUsage } from '../../../cli/command-table';

const COMMANDS_DIR = join(__dirname, '../../../cli/commands');
const PACKAGE_JSON = join(__dirname, '../../../package.json');

const commandNamed = (name: string): CliCommand => {
  const command = COMMANDS[name];
  if (command === undefined) throw new Error(`no command "${name}" in the table; add it to cli/command-table.ts`);
  return command;
};

/** What `main(argv)` writes to stdout (nothing else of the process is touched). */
const stdoutOf = async (main: (argv: string[]) => Promise<void>, argv: string[]): Promise<string> => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await main(argv);
  } finally {
    spy.mockRestore();
  }
  return written.join('');
};

describe('the CLI command table', () => {
  it('lists every command with its summary in the usage', () => {
    // Act
    const usage = cliUsage().split('\n');

    // Assert
    expect(usage[0]).toMatch(/^usage: npm run cli -- <command>/);
    for (const [name, command] of Object.entries(COMMANDS)) {
      expect(usage).toContain(`  ${name.padEnd(12)} ${command.summary}`);
    }
  });

  it.each([
    ['run', 'usage: npm start -- [options]'],
    ['bench', 'usage: npm run bench -- [--only scan|merger]'],
    ['events', 'usage: npm run events -- --replay <file.jsonl>'],
    ['api', 'usage: npm run api -- [--port N]'],
    ['bench-events', 'usage: npm run cli -- bench-events [--events N]'],
    ['start', 'usage: npm run cli -- start [--start-date D'],
    ['watch', 'usage: npm run cli -- watch <execution>'],
    ['failed', 'usage: npm run cli -- failed <execution>'],
    ['redrive', 'usage: npm run cli -- redrive <execution>'],
    ['reports', 'usage: npm run cli -- reports <execution>'],
  ])('runs %s, whose --help prints its usage', async (name, firstLine) => {
    // Act
    const printed = await stdoutOf(commandNamed(name).main, ['--help']);

    // Assert
    expect(printed.split('\n')[0]).toContain(firstLine);
  });

  it('takes bench --only scan and --only merger, as npm run bench calls them', async () => {
    // Act
    const printed = await Promise.all(
      ['scan', 'merger'].map((only) => stdoutOf(commandNamed('bench').main, ['--only', only, '--help'])),
    );

    // Assert
    expect(printed.map((p) => p.split('\n')[0])).toEqual([
      expect.stringContaining('usage: npm run bench'),
      expect.stringContaining('usage: npm run bench'),
    ]);
  });

  it('registers every module of cli/commands/ under its file name, and nothing else', async () => {
    // Arrange
    const files = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts'));

    // Act
    const modules = await Promise.all(
      files.map(
        async (f) => [basename(f, '.ts'), (await import(join(COMMANDS_DIR, f))) as { main?: unknown }] as const,
      ),
    );

    // Assert
    expect(modules.map(([name]) => name).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const [name, module] of modules) expect(COMMANDS[name]?.main).toBe(module.main);
  });

  it('is what the package.json scripts run: each `tsx cli/index.ts <command>` names a command of the table', () => {
    // Arrange
    const scripts = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: Record<string, string> }).scripts;

    // Act
    const called = Object.values(scripts).flatMap((s) => [...s.matchAll(/tsx cli\/index\.ts (\S+)/g)].map((m) => m[1]));

    // Assert
    expect(called).toEqual(expect.arrayContaining(['run', 'bench', 'events', 'api', 'bench-events']));
    for (const name of called) expect(Object.keys(COMMANDS)).toContain(name);
    expect(scripts.bench).toBe('tsx cli/index.ts bench --only scan && tsx cli/index.ts bench --only merger');
  });
});
