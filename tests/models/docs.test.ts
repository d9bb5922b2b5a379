/** docs/MODEL-REFERENCE.md is what the generator produces from the current model. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateModelReference } from '../../src/models/docs.js';
import { params } from '../../src/params/index.js';

const docPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/MODEL-REFERENCE.md');

describe('docs/MODEL-REFERENCE.md', () => {
  const generated = generateModelReference();

  it('is current (run `npm run docs` after changing the model or the levers)', () => {
    const committed = readFileSync(docPath, 'utf8');
    expect(committed === generated, 'docs/MODEL-REFERENCE.md is out of date: run npm run docs').toBe(true);
  });

  it('documents every lever with its default and the reason for it', () => {
    for (const p of params) {
      const row = generated.split('\n').find((l) => l.startsWith(`| \`${p.id}\`<br>`));
      expect(row, p.id).toBeDefined();
      const why = p.provenance.kind === 'plan' ? p.provenance.quote : p.provenance.kind === 'external' ? p.provenance.citation : p.provenance.reason;
      expect(row).toContain(why.slice(0, 30));
    }
  });

  it('lists stocks with their initial expressions and flows', () => {
    expect(generated).toContain('| `quota_balance` | `hectare` | `init_quota_balance` | `quota_generated` | `quota_used`, `quota_traded` |');
    expect(generated).toContain('`min(quota_demand_effective, (1 - 1e-9) * (quota_balance / dt + quota_generated))`');
  });
});
