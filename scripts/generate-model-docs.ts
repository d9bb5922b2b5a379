/** Writes docs/MODEL-REFERENCE.md from the model (npm run docs). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModelReference } from '../src/models/docs.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/MODEL-REFERENCE.md');
writeFileSync(target, generateModelReference(), 'utf8');
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
