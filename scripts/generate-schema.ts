/**
 * Generates scenarios/scenario.schema.json from the TypeScript type `ScenarioFile`
 * (src/scenario/types.ts) with ts-json-schema-generator, then tightens it where TypeScript cannot
 * say enough: the id pattern, integer years and runs, schedules as objects keyed by year, and the
 * real lever ids (with their ranges and names) and indicator ids, so editors complete and check them.
 *
 *   npm run schema            writes the file
 *   tests/scenario/schema.test.ts regenerates it in memory and compares.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { catalog } from '../src/catalog/index.js';
import type { ParamRecord } from '../src/params/types.js';
import { params } from '../src/params/index.js';
import { SCENARIO_ID_PATTERN } from '../src/scenario/validate.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = join(ROOT, 'scenarios', 'scenario.schema.json');

type Json = Record<string, unknown>;

const obj = (value: unknown, where: string): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`schema: ${where} is not an object`);
  return value as Json;
};

/** The schema for one lever's value: a number in its range, or a schedule of such numbers. */
function leverValueSchema(p: ParamRecord): Json {
  const number: Json = { type: p.integer ? 'integer' : 'number', minimum: p.range.min, maximum: p.range.max };
  const dflt = typeof p.default === 'number' ? String(p.default) : JSON.stringify(p.default);
  return {
    description: `${p.name.en} · ${p.name.zh} — ${p.unit}, range [${p.range.min}, ${p.range.max}], default ${dflt}`,
    anyOf: [
      number,
      { type: 'object', propertyNames: { pattern: '^[0-9]{4}$' }, additionalProperties: number, minProperties: 1 },
      {
        type: 'object',
        description: 'k × the inherited value (the parent scenario’s, or the default); the result must lie in the range',
        properties: { scale: { type: 'number', minimum: 0 } },
        required: ['scale'],
        additionalProperties: false,
      },
    ],
  };
}

export function postProcess(schema: Json, levers: readonly ParamRecord[], indicatorIds: readonly string[]): Json {
  const defs = obj(schema.definitions, 'definitions');
  const file = obj(defs.ScenarioFile, 'ScenarioFile');
  const props = obj(file.properties, 'ScenarioFile.properties');

  obj(props.id, 'id').pattern = SCENARIO_ID_PATTERN.source;

  // Record<number, number> comes out as an array; a schedule is an object keyed by year.
  defs.Schedule = {
    type: 'object',
    description: obj(defs.Schedule, 'Schedule').description,
    propertyNames: { pattern: '^[0-9]{4}$' },
    additionalProperties: { type: 'number' },
    minProperties: 1,
  };

  const sorted = [...levers].sort((a, b) => a.id.localeCompare(b.id));
  const parameters = obj(props.parameters, 'parameters');
  delete parameters.additionalProperties;
  parameters.properties = Object.fromEntries(sorted.map((p) => [p.id, leverValueSchema(p)]));
  parameters.additionalProperties = false;

  const uncertainty = obj(props.uncertainty, 'uncertainty');
  delete uncertainty.additionalProperties;
  uncertainty.description = 'Distributions over levers for Monte Carlo runs; draws are truncated to the lever\'s range.';
  uncertainty.properties = Object.fromEntries(
    sorted.map((p) => [p.id, { $ref: '#/definitions/DistributionSpec', description: `${p.name.en} — range [${p.range.min}, ${p.range.max}] ${p.unit}` }]),
  );
  uncertainty.additionalProperties = false;

  const mc = obj(obj(defs.MonteCarloSpec, 'MonteCarloSpec').properties, 'MonteCarloSpec.properties');
  Object.assign(obj(mc.runs, 'runs'), { type: 'integer', minimum: 1 });
  Object.assign(obj(mc.seed, 'seed'), { type: 'integer', minimum: 0 });

  const targetSpec = obj(defs.ScenarioTargetSpec, 'ScenarioTargetSpec');
  for (const variant of targetSpec.anyOf as unknown[]) {
    const vp = obj(obj(variant, 'target variant').properties, 'target variant properties');
    Object.assign(obj(vp.year, 'year'), { type: 'integer' });
    if (vp.baseYear) Object.assign(obj(vp.baseYear, 'baseYear'), { type: 'integer' });
    if (indicatorIds.length) Object.assign(obj(vp.indicator, 'indicator'), { enum: [...indicatorIds].sort() });
  }

  return { $schema: schema.$schema, title: 'hangzhou-reform-sim scenario file', $ref: schema.$ref, definitions: defs };
}

export function buildScenarioSchema(): Json {
  const raw = createGenerator({
    path: join(ROOT, 'src', 'scenario', 'types.ts'),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: 'ScenarioFile',
    skipTypeCheck: true,
    additionalProperties: false,
  }).createSchema('ScenarioFile') as Json;
  return postProcess(raw, params, catalog.map((i) => i.id));
}

export const schemaText = (): string => `${JSON.stringify(buildScenarioSchema(), null, 2)}\n`;

// Run when executed directly (npm run schema), not when imported by the test.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
