import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/**
 * Runs `npm run lint`'s dependency check (the project's own .dependency-cruiser.cjs) on a throwaway tree with the
 * given files, and returns the violations as `rule: from → to`.
 */
const violationsOf = async (files: Record<string, string>): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'dependency-rule-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext' } }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', dependencies: { zod: '*' } }));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const roots = [...new Set(Object.keys(files).map((path) => path.split('/')[0] as string))];
    const run = promisify(execFile);
    const { stdout } = await run(DEPCRUISE, [...roots, '--config', CONFIG, '--output-type', 'json'], {
      cwd: dir,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('the dependency rule (.dependency-cruiser.cjs, run by npm run lint)', () => {
  it('accepts a feature using domain, shared, platform and another feature through its index.ts', async () => {
    // Arrange / Act
    const violations = await violationsOf({
      'core/shared/sleep.ts': 'export const sleep = 1;\n',
      'core/domain/run.schema.ts':
        "import { z } from 'zod';\nimport { sleep } from '../shared/sleep';\nexport const r = [z, sleep];\n",
      'core/platform/clock.port.ts': "import { r } from '../domain/run.schema';\nexport const c = r;\n",
      'core/lacework/index.ts': "export { scan } from './frameworks/scan';\n",
      'core/lacework/frameworks/scan.ts': 'export const scan = 1;\n',
      'core/scan/scan-account.service.ts':
        "import { c } from '../platform/clock.port';\nimport { scan } from '../lacework';\nexport const s = [c, scan];\n",
    });

    // Assert
    expect(violations).toEqual([]);
  });

  it("fails when a feature imports another feature's internals", async () => {
    const violations = await violationsOf({
      'core/lacework/frameworks/scan.ts': 'export const scan = 1;\n',
      'core/scan/scan-account.service.ts':
        "import { scan } from '../lacework/frameworks/scan';\nexport const s = scan;\n",
    });

    expect(violations).toEqual([
      'feature-imports-other-features-only-through-index: core/scan/scan-account.service.ts → core/lacework/frameworks/scan.ts',
    ]);
  });

  it('fails when core imports a framework or anything outside core', async () => {
    const violations = await violationsOf({
      'core/reports/build.ts':
        "import { App } from 'aws-cdk-lib';\nimport { createHandler } from '../../lambdas/_shared/create-handler';\nexport const b = [App, createHandler];\n",
      'lambdas/_shared/create-handler.ts': 'export const createHandler = 1;\n',
    });

    expect(violations).toEqual([
      'core-imports-no-framework: core/reports/build.ts → node_modules/aws-cdk-lib/index.js',
      'core-imports-nothing-outside-core: core/reports/build.ts → lambdas/_shared/create-handler.ts',
    ]);
  });

  it('fails when domain, shared or platform import upwards', async () => {
    const violations = await violationsOf({
      'core/reports/model.ts': 'export const m = 1;\n',
      'core/domain/summary.schema.ts': "import { m } from '../reports/model';\nexport const s = m;\n",
      'core/shared/once.ts': "import { s } from '../domain/summary.schema';\nexport const o = s;\n",
      'core/platform/chat/block-kit.ts': "import { m } from '../../reports/model';\nexport const k = m;\n",
    });

    expect(violations).toEqual([
      'domain-imports-only-shared: core/domain/summary.schema.ts → core/reports/model.ts',
      'platform-imports-only-domain-and-shared: core/platform/chat/block-kit.ts → core/reports/model.ts',
      'shared-imports-nothing-of-ours: core/shared/once.ts → core/domain/summary.schema.ts',
    ]);
  });

  it('fails on an import circle, type-only imports included', async () => {
    const violations = await violationsOf({
      'sandbox/notify-sandbox.ts': "import type { S } from './slack-server';\nexport type Plan = S[];\n",
      'sandbox/slack-server.ts': "import type { Plan } from './notify-sandbox';\nexport type S = { plan?: Plan };\n",
    });

    // depcruise names each circle once, from the first module of the circle it meets
    expect(violations).toEqual(['no-circular: sandbox/notify-sandbox.ts → sandbox/slack-server.ts']);
  });
});
