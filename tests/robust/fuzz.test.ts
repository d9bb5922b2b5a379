/**
 * Fuzzing `hzsim validate` and `hzsim run` in-process with generated scenario files — valid ones
 * (levers, distributions and Monte Carlo settings drawn inside their documented ranges),
 * near-valid ones (one field replaced by a hostile value) and hostile text (tags, anchors, merge
 * keys, directives, brackets, control characters, huge numbers). Every file must end with exit
 * code 0 or 2 (a valid file with 0), a bounded message without a stack trace or a raw control
 * character, and no output folder when the exit code is 2.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { catalog } from '../../src/catalog/index.js';
import { main } from '../../src/cli/main.js';
import { LIMITS } from '../../src/limits.js';
import { params } from '../../src/params/index.js';
import { LINE_MAX } from '../../src/util/quote.js';

const dir = mkdtempSync(join(tmpdir(), 'hzsim-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Doc = Record<string, unknown>;

const levers = params.filter((p) => Number.isFinite(p.range.min) && Number.isFinite(p.range.max));
const leverValue = (p: (typeof levers)[number]): fc.Arbitrary<number> =>
  p.integer ? fc.integer({ min: Math.ceil(p.range.min), max: Math.floor(p.range.max) }) : fc.double({ min: p.range.min, max: p.range.max, noNaN: true, noDefaultInfinity: true });

/** A valid scenario: levers at values in their ranges, uniform distributions inside them, small Monte Carlo. */
const validDoc: fc.Arbitrary<Doc> = fc
  .record({
    set: fc.uniqueArray(fc.constantFrom(...levers), { maxLength: 4, selector: (p) => p.id }),
    uncertain: fc.uniqueArray(fc.constantFrom(...levers.filter((p) => p.range.max > p.range.min)), { maxLength: 2, selector: (p) => p.id }),
    mc: fc.option(fc.record({ runs: fc.integer({ min: 2, max: 12 }), seed: fc.integer({ min: 0, max: 2 ** 40 }) }), { nil: undefined }),
    target: fc.option(fc.constantFrom(...catalog.filter((i) => Number.isFinite(i.bounds.max))), { nil: undefined }),
  })
  .chain(({ set, uncertain, mc, target }) =>
    fc.record({
      parameters: fc.record(Object.fromEntries(set.map((p) => [p.id, leverValue(p)]))),
      uncertainty: fc.record(
        Object.fromEntries(
          uncertain.map((p) => [
            p.id,
            fc.tuple(leverValue(p), leverValue(p)).map(([a, b]) => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
          ]),
        ),
      ),
      montecarlo: fc.constant(mc),
      targets: fc.constant(target ? [{ indicator: target.id, year: 2015, level: target.bounds.min, comparator: '>=' }] : undefined),
    }),
  )
  .map((parts) => {
    const doc: Doc = { id: 'fuzz', title: { zh: '模糊', en: 'Fuzz' } };
    if (Object.keys(parts.parameters).length > 0) doc.parameters = parts.parameters;
    if (Object.keys(parts.uncertainty).length > 0) doc.uncertainty = parts.uncertainty;
    if (parts.montecarlo) doc.montecarlo = parts.montecarlo;
    if (parts.targets) doc.targets = parts.targets;
    return doc;
  });

/** Values a hostile or careless author might write anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, -0, 1e12, 2 ** 53 + 2, '', ' ', '\u001b[2J', 'a\u0000b', '\u202e', '<<', '*x', '!!set'),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
  fc.array(fc.double({ noNaN: true }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double({ noNaN: true }), fc.string({ maxLength: 8 })), { maxKeys: 3 }),
  fc.integer({ min: 1, max: 30 }).map((n) => JSON.parse(`${'['.repeat(n * 3)}${']'.repeat(n * 3)}`) as unknown),
  fc.constant('x'.repeat(LIMITS.stringLength.value + 1)),
);

/** A valid scenario with one field (top level or one level down) replaced by a hostile value. */
const nearValidDoc: fc.Arbitrary<Doc> = fc.tuple(validDoc, hostileValue, fc.nat(), fc.string({ maxLength: 12 })).map(([doc, value, pick, extraKey]) => {
  const paths: string[][] = [['id'], ['title'], ['title', 'zh'], ['montecarlo'], ['montecarlo', 'runs'], ['montecarlo', 'seed'], ['parameters'], ['uncertainty'], ['targets'], [extraKey]];
  for (const section of ['parameters', 'uncertainty'] as const) for (const k of Object.keys((doc[section] as Doc | undefined) ?? {})) paths.push([section, k]);
  const path = paths[pick % paths.length] ?? ['id'];
  const copy = structuredClone(doc);
  let at: Doc = copy;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Doc;
  at[path[path.length - 1] ?? 'id'] = value;
  return copy;
});

/** Text that is YAML-ish at best: fragments of its syntax, tags, anchors, directives and noise. */
const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('id: x\n', 'title: {zh: 甲, en: A}\n', 'parameters:\n', '  ', '- ', ': ', '? ', '<<: ', '&a ', '*a ', '!!set ', '!!omap ', '!!timestamp ', '!foo ', '%YAML 1.1\n', '---\n', '...\n', '[', ']', '{', '}', ',', '"', "'", '|\n', '>\n', '#', '\n', '\t', '\u0000', '\u001b]0;x\u0007', '\uFEFF', '1e400', '0x1F', '.nan', '~'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** A file to try: YAML or JSON text of a document, or raw hostile text. */
const scenarioFile = fc.oneof(
  { weight: 2, arbitrary: validDoc.map((d) => ({ kind: 'valid', text: stringify(d), ext: 'yaml' })) },
  { weight: 1, arbitrary: validDoc.map((d) => ({ kind: 'valid', text: JSON.stringify(d), ext: 'json' })) },
  { weight: 3, arbitrary: nearValidDoc.map((d) => ({ kind: 'near', text: stringify(d), ext: 'yaml' })) },
  { weight: 1, arbitrary: nearValidDoc.map((d) => ({ kind: 'near', text: JSON.stringify(d) ?? 'null', ext: 'json' })) },
  { weight: 3, arbitrary: hostileText.map((t) => ({ kind: 'hostile', text: t, ext: 'yaml' })) },
);

let counter = 0;
async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, { stdout: () => undefined, stderr: (t) => void (err += t), isTTY: false, cwd: dir });
  return { code, err };
}

/** What every failure message must look like: no stack trace, no raw control character, bounded. */
function expectCleanMessage(err: string): void {
  expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  // eslint-disable-next-line no-control-regex -- a raw control character would reach the terminal
  expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const lines = err.split('\n');
  expect(lines.length).toBeLessThanOrEqual(LIMITS.problemsShown.value + 3);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(LINE_MAX + 40);
}

describe('fuzz', () => {
  test('validate: exit 0 for valid files, 0 or 2 otherwise, with a clean message', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioFile, async ({ kind, text, ext }) => {
        const file = `v${counter++}.${ext}`;
        writeFileSync(join(dir, file), text);
        const { code, err } = await cli('validate', file);
        if (kind === 'valid') expect({ code, err }).toEqual({ code: 0, err: '' });
        else expect([0, 2]).toContain(code);
        expectCleanMessage(err);
      }),
      { numRuns: 150 },
    );
  });

  test('run --out: exit 0 with the output, or 2 with no output folder and no temporary left', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioFile, async ({ kind, text, ext }) => {
        const n = counter++;
        writeFileSync(join(dir, `r${n}.${ext}`), text);
        const { code, err } = await cli('run', `r${n}.${ext}`, '--out', `out${n}`);
        if (kind === 'valid') expect(code).toBe(0);
        expect([0, 2]).toContain(code);
        expectCleanMessage(err);
        expect(existsSync(join(dir, `out${n}`))).toBe(code === 0);
        expect(readdirSync(dir).filter((e) => e.includes('.hzsim-'))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
