/**
 * Hostile scenario files, refused before their data is built: YAML features outside the core
 * schema, alias bombs and cycles, invalid UTF-8, nesting and length limits, devices and FIFOs,
 * huge files and deep `extends` chains. Each case asserts the exact message (it names the limit or
 * the feature) and that the loader returns, rather than hanging, overflowing or throwing.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readObserved } from '../../src/data/observed.js';
import { LIMITS } from '../../src/limits.js';
import { completeContext, type FileAccess } from '../../src/scenario/context.js';
import { ScenarioLoader } from '../../src/scenario/load.js';
import { parseSource, parseSourceBytes } from '../../src/scenario/source.js';
import { check, DIR, INDICATOR_LOOKUP, LEVERS, yaml } from '../scenario/fixtures.js';

/** The one problem of `text` as a.yaml. */
const only = (text: string): string => {
  const r = check({ 'a.yaml': text });
  expect(r.scenario).toBeNull();
  expect(r.problems).toHaveLength(1);
  return r.problems[0]?.message ?? '';
};

describe('YAML beyond the core schema is refused, never half-honoured', () => {
  test.each([
    // The position is the tagged value's.
    ['!!set', 'targets: !!set {a, b}', "YAML tag '!!set' is not supported", 3, 16],
    ['!!omap (would smuggle 99 past the lever range)', 'parameters: !!omap\n  - hukou_conv_rate_migrant: 99', "YAML tag '!!omap' is not supported", 4, 3],
    ['!!timestamp', 'description: {zh: !!timestamp 2011-01-01, en: A}', "YAML tag '!!timestamp' is not supported", 3, 31],
    ['!!binary', 'description: {zh: !!binary aGk=, en: A}', "YAML tag '!!binary' is not supported", 3, 28],
    ['a custom tag', 'description: {zh: !js/function x, en: A}', "YAML tag '!js/function' is not supported", 3, 32],
  ])('%s', (_name, line, start, l, c) => {
    expect(only(yaml(line))).toBe(`${start} — scenario files use plain YAML 1.2 values only (remove the tag) (line ${l}, column ${c})`);
  });

  test('core-schema tags are plain values and pass', () => {
    const r = check({ 'a.yaml': yaml('description: {zh: !!str 2013, en: !!str yes}', 'parameters: {pilot_year: !!int "2014"}') });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.description).toEqual({ zh: '2013', en: 'yes' });
    expect(r.scenario?.parameters.pilot_year).toBe(2014);
  });

  test('merge keys are refused, not silently dropped', () => {
    expect(only('base: &b {zh: 甲, en: A}\nid: x\ntitle: {<<: *b}\n')).toBe(
      'merge keys (<<) are not supported — write the fields out, or use an alias (*name) for a whole value (line 3, column 9)',
    );
  });

  test('a whole value by alias is supported', () => {
    const r = check({ 'a.yaml': yaml('description: &d {zh: 说明, en: About}', 'targets:', '  - {indicator: urbanisation.rate, year: 2015, level: 75, comparator: ">=", label: *d}') });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.targets[0]?.label).toEqual({ zh: '说明', en: 'About' });
  });

  test('duplicate keys are refused', () => {
    expect(only(yaml('id: again'))).toBe('YAML syntax error: Map keys must be unique (line 3, column 1)');
  });

  test('YAML 1.1 documents are refused (yes would be true there)', () => {
    expect(only(`%YAML 1.1\n---\n${yaml('description: {zh: yes, en: A}')}`)).toBe(
      'the file declares %YAML 1.1; scenario files are read as YAML 1.2 (core schema) — expected no %YAML directive, or %YAML 1.2 (line 1, column 1)',
    );
  });

  test('a second document is refused', () => {
    expect(only(`${yaml()}---\nid: other\n`)).toBe('the file holds more than one YAML document (a second ---) — expected one scenario per file (line 3, column 1)');
  });

  test('keys must be plain text', () => {
    expect(only(yaml('parameters: {? [hukou_conv_rate_migrant] : 0.05}'))).toBe('a key must be plain text, not a mapping or a list (line 3, column 16)');
  });
});

describe('aliases', () => {
  const bomb = (levels: number, fan: number): string => {
    const lines = [`a0: &a0 [${Array(fan).fill('x').join(', ')}]`];
    for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(fan).fill(`*a${i - 1}`).join(', ')}]`);
    return yaml(`description: {zh: 甲, en: A}`, `x: {${lines.join(', ')}}`);
  };

  test('an alias bomb (10⁹ values from 90 aliases) is refused by the values it expands to', () => {
    expect(only(bomb(10, 10))).toBe('the file expands to more than 100,000 values once its aliases are resolved (line 1, column 1)');
  });

  test('more aliases than the limit are refused', () => {
    const many = Array.from({ length: LIMITS.aliases.value + 1 }, () => '*v').join(', ');
    expect(only(yaml(`x: {v: &v 1, w: [${many}]}`))).toBe('the file uses 101 aliases (*name) — at most 100 aliases are allowed (line 3, column 418)');
  });

  test('an alias inside the value it names (a cycle) is refused', () => {
    expect(only(yaml('targets: &t [*t]'))).toBe('alias *t refers to a value that contains the alias itself (line 3, column 14)');
  });

  test('an alias to no anchor is refused', () => {
    expect(only(yaml('description: *nowhere'))).toBe('alias *nowhere refers to no anchor &nowhere defined before it (line 3, column 14)');
  });

  test('aliases nesting values deeper than the limit are refused', () => {
    // 8 levels per anchor, each anchor one level inside the next: 9 anchors reach 72 > 64 levels.
    const lines = ['a0: &a0 [[[[[[[[1]]]]]]]]'];
    for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [[[[[[[[*a${i - 1}]]]]]]]]`);
    expect(only(yaml(...lines))).toBe('mappings and lists are nested more than 64 levels deep — scenario files need at most 4 (line 1, column 1)');
  });
});

describe('text encoding', () => {
  const bytesFs = (bytes: Buffer): FileAccess => ({ read: () => bytes, exists: () => true, list: () => [] });
  const checkBytes = (bytes: Buffer) =>
    new ScenarioLoader(completeContext({ cwd: DIR, fs: bytesFs(bytes) }, { params: LEVERS, indicators: INDICATOR_LOOKUP })).check('a.yaml');

  test('invalid UTF-8 is refused with the byte, its offset and its line', () => {
    const r = checkBytes(Buffer.concat([Buffer.from('id: x\ntitle: {zh: 甲'), Buffer.from([0xe7, 0x28]), Buffer.from(', en: A}\n')]));
    expect(r.problems.map((p) => p.message)).toEqual(['the file is not valid UTF-8 (byte 0xE7 at offset 21) — expected UTF-8 text; save the file as UTF-8 (line 2, column 14)']);
  });

  test('a real U+FFFD before the bad byte is not mistaken for it', () => {
    const r = checkBytes(Buffer.concat([Buffer.from('id: x\ntitle: {zh: \uFFFD'), Buffer.from([0xff]), Buffer.from(', en: A}\n')]));
    expect(r.problems.map((p) => p.message)).toEqual(['the file is not valid UTF-8 (byte 0xFF at offset 21) — expected UTF-8 text; save the file as UTF-8 (line 2, column 14)']);
  });

  test('UTF-16 is refused; a UTF-8 byte-order mark is accepted', () => {
    expect(checkBytes(Buffer.from(`\uFEFF${yaml()}`, 'utf16le')).problems[0]?.message).toMatch(/^the file is not valid UTF-8 \(byte 0xFF at offset 0\)/);
    expect(checkBytes(Buffer.from(`\uFEFF${yaml()}`, 'utf8')).problems).toEqual([]);
  });

  test('control characters in texts are refused (they could rewrite a terminal); line breaks are fine', () => {
    expect(only(yaml('description: {zh: "清\\e]0;pwned\\a", en: A}'))).toBe(
      'the text contains the control character U+001B — expected printable text (line breaks and tabs are allowed) (line 3, column 19)',
    );
    expect(check({ 'a.yaml': yaml('description: {zh: "第一行\\n第二行\\t完", en: A}') }).problems).toEqual([]);
  });
});

describe('sizes', () => {
  test('nesting deeper than the limit is refused before the (recursive) composer runs', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseSource(yaml(`description: ${deep(5_000)}`), 'yaml').syntaxErrors[0]?.message).toBe(
      'mappings and lists are nested more than 64 levels deep — scenario files need at most 4',
    );
    expect(parseSource(`{"a": ${deep(5_000)}}`, 'json').syntaxErrors[0]?.message).toMatch(/^mappings and lists are nested more than 64 levels/);
    const block = `a:\n${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`;
    expect(parseSource(block, 'yaml').syntaxErrors[0]?.message).toMatch(/^mappings and lists are nested more than 64 levels/);
    expect(parseSource(`a: ${deep(LIMITS.nestingDepth.value - 1)}`, 'yaml').syntaxErrors).toEqual([]);
  });

  test('over-long keys and texts are refused with their length', () => {
    expect(only(yaml(`parameters: {? ${'k'.repeat(300_000)} : 1}`))).toBe('a key of 300,000 characters — keys may be at most 256 characters (line 3, column 16)');
    const json = `{"id": "x", "title": {"zh": "甲", "en": "A"}, "${'k'.repeat(300_000)}": 1}`;
    const r = parseSource(json, 'json');
    expect(r.syntaxErrors.map((e) => e.message)).toEqual(['a key of 300,000 characters — keys may be at most 256 characters']);
    expect(only(`id: ${'a'.repeat(1_000_000)}\ntitle: {zh: 甲, en: A}\n`)).toBe('a text of 1,000,000 characters — texts may be at most 10,000 characters (line 1, column 5)');
  });

  test('bytes beyond the file limit are refused before decoding', () => {
    expect(parseSourceBytes(new Uint8Array(LIMITS.fileBytes.value + 1), 'yaml').syntaxErrors[0]?.message).toBe(
      'the file is 1,048,577 bytes — input files may be at most 1 MiB (1,048,576 bytes)',
    );
  });
});

describe('real files: only regular files of bounded size are read', () => {
  let dir = '';
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'hzsim-hostile-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const validate = (file: string) => new ScenarioLoader(completeContext({ cwd: dir }, { params: LEVERS, indicators: INDICATOR_LOOKUP })).check(file);

  test('extends naming a device (/dev/zero) or a FIFO is refused at once', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    writeFileSync(join(dir, 'a.yaml'), yaml('extends: zero'));
    writeFileSync(join(dir, 'b.yaml'), yaml('extends: fifo'));
    expect(validate('a.yaml').problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'zero.yaml: cannot read the file: it is a character device, not a regular file',
    ]);
    expect(validate('b.yaml').problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'fifo.yaml: cannot read the file: it is a FIFO (named pipe), not a regular file',
    ]);
  });

  test('observed-data files are read the same way: no FIFO, no invalid UTF-8', () => {
    const fifo = join(dir, 'obs-fifo.csv');
    execFileSync('mkfifo', [fifo]);
    expect(() => readObserved(fifo, 'obs-fifo.csv')).toThrow('obs-fifo.csv: cannot read the file: it is a FIFO (named pipe), not a regular file');
    writeFileSync(join(dir, 'obs.csv'), Buffer.from([0x69, 0x64, 0xff, 0x0a]));
    expect(() => readObserved(join(dir, 'obs.csv'), 'obs.csv')).toThrow('obs.csv: the file is not valid UTF-8 (byte 0xFF at offset 2) — expected UTF-8 text; save the file as UTF-8');
  });

  test('a 48 MB file is refused by its size, without being read (a sparse file)', () => {
    const fd = openSync(join(dir, 'big.yaml'), 'w');
    ftruncateSync(fd, 48 * 1024 * 1024);
    closeSync(fd);
    expect(validate('big.yaml').problems.map((p) => p.message)).toEqual(['cannot read the file: the file is 50,331,648 bytes — input files may be at most 1 MiB (1,048,576 bytes)']);
  });

  test('an extends chain longer than the limit is refused at the file asked for; files part-way up still resolve', () => {
    const n = LIMITS.extendsDepth.value + 1;
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `c${i}.yaml`), `id: c${i}\ntitle: {zh: 甲, en: A}\n${i > 0 ? `extends: c${i - 1}\n` : ''}`);
    const loader = new ScenarioLoader(completeContext({ cwd: dir }, { params: LEVERS, indicators: INDICATOR_LOOKUP }));
    const top = loader.check(`c${n - 1}.yaml`);
    expect(top.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      `c${n - 1}.yaml: extends: the extends chain is longer than 32 files (c32 → c31 → c30 → …) — expected a shorter chain (line 3, column 10)`,
    ]);
    const longest = loader.check(`c${n - 2}.yaml`);
    expect(longest.problems).toEqual([]);
    expect(longest.scenario?.chain).toHaveLength(LIMITS.extendsDepth.value);
  });
});
