import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireCheckTools, runChromium } from '../../../../checks/check-tools';
import { type DemoMergerRuns, HOSTILE_USER_AGENT, runDemoMergerTwice } from './merger-run';

/** PNG signature, then IHDR width and height (big-endian) at bytes 16–23. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Points of every polyline and the number of circles in each chart of a DOM dump. */
const charts = (dom: string) =>
  [...dom.matchAll(/<svg class="chart"[\s\S]*?<\/svg>/g)].map(([svg]) => ({
    polylinePoints: [...svg.matchAll(/<polyline points="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').trim().split(/\s+/)),
    circles: (svg.match(/<circle /g) ?? []).length,
  }));

/** Per investigation of a DOM dump: chain boxes, timeline items, bar widths and whether a raw script tag survived. */
const investigations = (dom: string) =>
  [...dom.matchAll(/<article class="investigation">[\s\S]*?<\/article>/g)].map(([article]) => ({
    chainNodes: (article.match(/<span class="node/g) ?? []).length,
    timelineItems: (article.match(/<li class="(write|failed|denied)/g) ?? []).length,
    barWidths: [...article.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1])),
    findings: (article.match(/<span class="sev /g) ?? []).length,
  }));

/**
 * summary.html of the real merger rendered by headless Chromium (`chromium --headless --screenshot`): a screenshot at
 * laptop and phone widths, and the DOM after load, failing on any page error or an empty chart (trend or service
 * usage).
 */
describe('summary.html in headless Chromium', () => {
  let runs: DemoMergerRuns;
  let profile: string;

  beforeAll(async () => {
    requireCheckTools();
    runs = await runDemoMergerTwice();
    profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  });
  afterAll(async () => {
    if (runs) await rm(runs.dir, { recursive: true, force: true });
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const writeHtml = async (key: string, name: string): Promise<string> => {
    const path = join(runs.dir, name);
    await writeFile(path, runs.store.text(key));
    return pathToFileURL(path).href;
  };

  it.each([
    ['laptop', 1000, 1400],
    ['phone', 375, 1400],
  ])('renders a non-empty %s screenshot without page errors', async (_, width, height) => {
    // Arrange
    const url = await writeHtml(runs.week2.keys.summaryHtml, 'summary.html');
    const png = join(runs.dir, `summary-${width}.png`);

    // Act
    const run = runChromium(profile, url, [`--screenshot=${png}`, `--window-size=${width},${height}`]);

    // Assert
    expect({ status: run.status, errors: run.stderr.match(/.*Uncaught.*/g) ?? [] }).toEqual({ status: 0, errors: [] });
    expect((await stat(png)).size).toBeGreaterThan(10_000);
    expect(pngSize(await readFile(png))).toEqual({ width, height });
  });

  it('draws both trend charts with a line through the two runs', async () => {
    // Arrange
    const url = await writeHtml(runs.week2.keys.summaryHtml, 'summary-dom.html');

    // Act
    const run = runChromium(profile, url, ['--dump-dom']);

    // Assert
    expect(run.status).toBe(0);
    expect(charts(run.stdout)).toEqual([
      {
        polylinePoints: [expect.stringMatching(/^[\d.]+,[\d.]+$/), expect.stringMatching(/^[\d.]+,[\d.]+$/)],
        circles: 2,
      },
      {
        polylinePoints: [expect.stringMatching(/^[\d.]+,[\d.]+$/), expect.stringMatching(/^[\d.]+,[\d.]+$/)],
        circles: 2,
      },
    ]);
    expect(run.stdout).toContain('Resolved');
  });

  it('shows a first run as one point per chart', async () => {
    // Arrange
    const url = await writeHtml(runs.week1.keys.summaryHtml, 'summary-first.html');

    // Act
    const run = runChromium(profile, url, ['--dump-dom']);

    // Assert
    expect(run.status).toBe(0);
    expect(charts(run.stdout)).toEqual([
      { polylinePoints: [], circles: 1 },
      { polylinePoints: [], circles: 1 },
    ]);
  });

  it('draws the investigation of the traced change: chain, timeline, usage bars and findings, the user agent inert', async () => {
    // Arrange
    const url = await writeHtml(runs.week2.keys.summaryHtml, 'summary-investigation.html');

    // Act
    const run = runChromium(profile, url, ['--dump-dom']);

    // Assert
    expect({ status: run.status, errors: run.stderr.match(/.*Uncaught.*/g) ?? [] }).toEqual({ status: 0, errors: [] });
    expect(investigations(run.stdout)).toEqual([
      {
        chainNodes: 4,
        timelineItems: 3,
        barWidths: [expect.any(Number), expect.any(Number), expect.any(Number)],
        findings: 1,
      },
    ]);
    expect(investigations(run.stdout)[0]?.barWidths.every((w) => w > 0)).toBe(true);
    expect(run.stdout).not.toContain('<script');
    expect(run.stdout).not.toMatch(/<title>pwned/);
    expect(run.stdout).toContain(HOSTILE_USER_AGENT.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});
