/**
 * The committed JSON Schema is what `npm run schema` generates from the TypeScript types, and it
 * accepts and rejects what the types and the levers say.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { params } from '../../src/params/index.js';
import { SCHEMA_PATH, schemaText } from '../../scripts/generate-schema.js';

const committed = readFileSync(SCHEMA_PATH, 'utf8');

test('scenarios/scenario.schema.json is current', () => {
  expect(committed, 'scenarios/scenario.schema.json is out of date — run `npm run schema`').toBe(schemaText());
}, 120_000);

describe('the schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(committed) as object);
  const base = { id: 'x', title: { zh: '甲', en: 'A' } };
  const lever = params.find((p) => !p.integer && p.range.max > p.range.min)!;
  const yearLever = params.find((p) => p.integer)!;

  test('lists every lever id with its range', () => {
    const schema = JSON.parse(committed) as { definitions: { ScenarioFile: { properties: { parameters: { properties: Record<string, unknown> } } } } };
    expect(Object.keys(schema.definitions.ScenarioFile.properties.parameters.properties).sort()).toEqual(params.map((p) => p.id).sort());
  });

  test('accepts constants and schedules within a lever range', () => {
    expect(validate({ ...base, parameters: { [lever.id]: lever.range.min, [yearLever.id]: { 2012: yearLever.range.max } } })).toBe(true);
  });

  test.each([
    ['an unknown lever', { parameters: { no_such_lever: 1 } }],
    ['a value above the range', { parameters: { [lever.id]: lever.range.max + 1 } }],
    ['a non-integer year lever', { parameters: { [yearLever.id]: yearLever.range.min + 0.5 } }],
    ['a schedule keyed by a non-year', { parameters: { [lever.id]: { soon: lever.range.min } } }],
    ['runs of 0', { montecarlo: { runs: 0, seed: 1 } }],
    ['a fractional seed', { montecarlo: { runs: 10, seed: 1.5 } }],
    ['an id with capitals', { id: 'Plan' }],
    ['an unknown top-level field', { paramters: {} }],
    ['an unknown distribution', { uncertainty: { [lever.id]: { dist: 'gamma', min: 0, max: 1 } } }],
    ['an unknown indicator in a target', { targets: [{ indicator: 'no.such', year: 2015, level: 1, comparator: '>=' }] }],
  ])('rejects %s', (_what, patch) => {
    expect(validate({ ...base, ...patch })).toBe(false);
  });
});
