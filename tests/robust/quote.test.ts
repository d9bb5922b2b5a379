/**
 * Values echoed into messages: control characters escaped, long values cut with their length
 * stated, large or cyclic structures never serialised whole.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { boundedJson, escapeControl, printable, quote, QUOTE_MAX } from '../../src/util/quote.js';

// eslint-disable-next-line no-control-regex -- what must never be printed
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('quote', () => {
  test('known answers', () => {
    expect(quote('hukou-first')).toBe("'hukou-first'");
    expect(quote('\u001b[2J\u001b]0;pwned\u0007')).toBe("'\\e[2J\\e]0;pwned\\x07'");
    expect(quote('right-to-left \u202e override')).toBe("'right-to-left \\u202E override'");
    expect(quote(`${'a'.repeat(1_000_000)}`)).toBe(`'${'a'.repeat(QUOTE_MAX - 1)}…' (1,000,000 characters)`);
    expect(quote(undefined)).toBe('nothing');
    expect(quote(0.05)).toBe('0.05');
    expect(quote({ dist: 'uniform', min: 0 })).toBe('{"dist":"uniform","min":0}');
    const list = Array.from({ length: 100_000 }, (_, i) => i);
    expect(quote(list)).toBe(`${JSON.stringify(list).slice(0, QUOTE_MAX - 1)}… (a list of 100,000 items)`);
  });

  test('a cut never splits a surrogate pair', () => {
    const s = `${'a'.repeat(QUOTE_MAX - 2)}😀😀😀`;
    expect(quote(s)).toBe(`'${'a'.repeat(QUOTE_MAX - 2)}…' (${s.length} characters)`);
  });

  test('cyclic and alias-shared structures are serialised within the budget', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(boundedJson(cyclic, 100)).toBe('["[circular]"]');
    // 10 levels of 10 shared references: 10^10 leaves if serialised whole.
    let shared: unknown = ['x'];
    for (let i = 0; i < 10; i++) shared = Array(10).fill(shared);
    expect(boundedJson(shared, 200).length).toBeLessThanOrEqual(210);
  });

  test('property: a quoted string has no control character and a bounded length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const q = quote(s);
        expect(q).not.toMatch(CONTROL);
        // Escapes are at most 6 characters each; the length note at most ~30.
        expect(q.length).toBeLessThanOrEqual(QUOTE_MAX * 6 + 40);
        if (s.length <= QUOTE_MAX && !CONTROL.test(s)) expect(q).toBe(`'${s}'`);
      }),
    );
  });

  test('property: any value is shown without control characters', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(quote(v)).not.toMatch(CONTROL);
      }),
    );
  });
});

describe('printable and formatProblem', () => {
  test('keep line breaks, escape the rest, cut very long lines', () => {
    expect(printable('a\u001b[31m\nb\r')).toBe('a\\e[31m\nb\\r');
    expect(printable('x'.repeat(10_000))).toMatch(/^x+… \(10,000 characters\)$/);
    expect(escapeControl('tab\there')).toBe('tab\\there');
  });

  test('a problem names its file and path escaped and cut', () => {
    expect(formatProblem({ file: 'a\u001b.yaml', path: `parameters.${'k'.repeat(300)}`, message: 'm' })).toBe(
      `a\\e.yaml: parameters.${'k'.repeat(188)}… (311 characters): m`,
    );
  });
});
