/**
 * Part of `npm run build` (after tsc): compiles the Hangzhou model with the built engine and stores
 * it as dist/runner/hangzhou-model.json, so that running the model needs no compilation
 * (src/runner/precompiled.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hangzhouModel } from '../dist/models/index.js';
import { params } from '../dist/params/index.js';
import { HANGZHOU_ARTEFACT, precompile } from '../dist/runner/precompiled.js';

const artefact = precompile(hangzhouModel, params);
writeFileSync(HANGZHOU_ARTEFACT, `${JSON.stringify(artefact)}\n`);
console.log(`precompiled the Hangzhou model (${artefact.outputIds.length} outputs, ${artefact.paramIds.length} levers) → ${fileURLToPath(HANGZHOU_ARTEFACT)}`);
