import fc from 'fast-check';
import { parse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/engine/fast-parse.js';
import { hangzhouModel } from '../../src/models/index.js';
import { featureModel } from '../../scripts/bench/synthetic.js';

const sameAsMathjs = (source: string): void => {
  const fast = fastParse(source);
  if (fast !== null) expect(JSON.stringify(fast)).toBe(JSON.stringify(parse(source)));
};

describe('the fast parser', () => {
  it('gives mathjs’s tree for every equation of the Hangzhou model and of the feature model', () => {
    const sources = [...hangzhouModel.subsystems, ...featureModel().spec.subsystems].flatMap((s) =>
      s.vars.flatMap((v) => ('equation' in v && v.equation !== undefined ? [v.equation] : 'initial' in v && v.initial !== undefined ? [v.initial] : [])),
    );
    expect(sources.length).toBeGreaterThan(200);
    for (const source of sources) {
      expect(fastParse(source), source).not.toBeNull();
      sameAsMathjs(source);
    }
  });

  it('gives mathjs’s tree, or leaves it to mathjs, for any arrangement of the language’s tokens', () => {
    const token = fc.constantFrom('a', 'b1', 'x_y', '2', '0.5', '1e3', '.5', '3.', '+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', '?', ':', '(', ')', ',', 'min(', 'max(', ' ', 'true', 'pi', '%', '2a', 'and', '\n');
    fc.assert(fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
      const source = tokens.join(' ');
      let mathjsOk = true;
      try {
        parse(source);
      } catch {
        mathjsOk = false;
      }
      const fast = fastParse(source);
      // Never accepts what mathjs refuses; when it answers, it answers as mathjs does.
      if (!mathjsOk) expect(fast).toBeNull();
      else sameAsMathjs(source);
    }), { numRuns: 3000 });
  });

  it('leaves implicit multiplication, chained comparisons, units and keywords to mathjs', () => {
    for (const source of ['2 a', '2(a)', 'a < b < c', '5 cm', 'a and b', 'true', 'a.b', 'f (x)', '50%', 'a\nb', '+a']) expect(fastParse(source), source).toBeNull();
  });
});
