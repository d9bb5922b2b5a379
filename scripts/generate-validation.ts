/** Writes docs/VALIDATION.md from the model, the levers, the scenarios and the observed data (npm run docs). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidationReport } from '../src/validation/index.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/VALIDATION.md');
writeFileSync(target, generateValidationReport(), 'utf8');
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
