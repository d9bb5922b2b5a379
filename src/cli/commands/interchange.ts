/**
 * `hzsim export` and `hzsim import`: the model as Vensim `.mdl` or XMILE 1.0, and such a file read
 * back (the subset `export` writes).
 *
 *   hzsim export --format vensim --out hangzhou.mdl        the Hangzhou model
 *   hzsim export --model ring.mdl --format xmile            convert a model file
 *   hzsim import hangzhou.mdl [--out model.json]           check it, summarise it, save it as JSON
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, ModelError } from '../../errors.js';
import { compileModel } from '../../engine/index.js';
import { exportModel, FORMATS, formatOfFile, importModel, type Format, type InterchangeModel } from '../../interchange/index.js';
import { hangzhouModel } from '../../models/index.js';
import { params } from '../../params/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import type { CliIO } from '../io.js';
import { parseNumbers } from './run-options.js';

const isFormat = (f: string | undefined): f is Format => (FORMATS as readonly string[]).includes(f ?? '');

function parseFormat(value: string | undefined, flag: string): Format | undefined {
  if (value === undefined) return undefined;
  if (!isFormat(value)) throw new InputError([{ file: '<cli>', path: flag, message: `got '${value}' — expected ${FORMATS.join(' or ')}` }]);
  return value;
}

/** Reads a model file (.mdl, .xmile, or the JSON `hzsim import --out` writes); InputError for a missing or bad file. */
function readModelFile(cwd: string, file: string, format?: Format): InterchangeModel {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError([{ file, path: '', message: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }]);
  }
  if (format === undefined && /\.json$/i.test(file)) {
    try {
      return JSON.parse(text) as InterchangeModel;
    } catch (err) {
      throw new InputError([{ file, path: '', message: `not valid JSON: ${(err as Error).message}` }]);
    }
  }
  return importModel(text, format ?? formatOfFile(file), file);
}

/** Compiles an imported model, turning a model error into bad input of that file. */
function check(model: InterchangeModel, file: string): ReturnType<typeof compileModel> {
  try {
    return compileModel(model.spec, model.levers, model.options);
  } catch (err) {
    if (err instanceof ModelError || err instanceof RangeError) throw new InputError([{ file, path: '', message: err.message }]);
    throw err;
  }
}

function write(io: CliIO, out: string | undefined, text: string): void {
  if (out === undefined) io.stdout(text);
  else {
    writeFileAtomic(resolve(io.cwd, out), text);
    io.stderr(`wrote ${out}\n`);
  }
}

interface ExportOptions {
  format?: string;
  out?: string;
  model?: string;
  until?: string;
  stepsPerYear?: string;
  method?: string;
}

export function registerExport(program: Command, io: CliIO): Command {
  return program
    .command('export')
    .description('write the model as Vensim .mdl or XMILE 1.0 (units, documentation, lever ranges) · 导出模型')
    .requiredOption('--format <format>', `${FORMATS.join(' or ')}`)
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--model <file>', 'export this model file (.mdl, .xmile, or JSON from hzsim import) instead of the Hangzhou model')
    .option('--until <year>', 'last simulated year (the Hangzhou model; default 2015)')
    .option('--steps-per-year <n>', 'time steps per year (the Hangzhou model; default 12)')
    .option('--method <method>', 'euler or rk4 (the Hangzhou model; default euler)')
    .addHelpText('after', '\nExamples:\n  hzsim export --format vensim --out hangzhou.mdl\n  hzsim export --format xmile --steps-per-year 16 > hangzhou.xmile\n  hzsim export --model ring.mdl --format xmile --out ring.xmile\n')
    .action((opts: ExportOptions) => {
      const format = parseFormat(opts.format, '--format') as Format;
      const numbers = parseNumbers({ until: opts.until, stepsPerYear: opts.stepsPerYear, method: opts.method });
      let model: InterchangeModel;
      if (opts.model !== undefined) {
        const file = opts.model;
        model = readModelFile(io.cwd, file);
        check(model, file);
      } else {
        const spec = { ...hangzhouModel, name: hangzhouModel.name ?? 'hangzhou' };
        const compiled = compileModel(spec, params, {
          ...(numbers.until === undefined ? {} : { until: numbers.until }),
          ...(numbers.stepsPerYear === undefined ? {} : { dt: 1 / numbers.stepsPerYear }),
          ...(numbers.method === undefined ? {} : { method: numbers.method }),
        });
        model = { spec, levers: compiled.levers, options: compiled.options };
      }
      write(io, opts.out, exportModel(model, format));
    });
}

interface ImportOptions {
  format?: string;
  out?: string;
}

export function registerImport(program: Command, io: CliIO): Command {
  return program
    .command('import')
    .description('read a Vensim .mdl or XMILE file (the subset hzsim export writes), check and summarise it · 导入模型')
    .argument('<file>', 'the model file (.mdl, .xmile, .stmx, .xml)')
    .option('--format <format>', `${FORMATS.join(' or ')} (default: from the file name)`)
    .option('--out <file>', 'also write the model as JSON (spec, levers, options), which hzsim export --model reads')
    .addHelpText('after', '\nExamples:\n  hzsim import hangzhou.mdl\n  hzsim import model.xmile --out model.json\n')
    .action((file: string, opts: ImportOptions) => {
      const model = readModelFile(io.cwd, file, parseFormat(opts.format, '--format'));
      const compiled = check(model, file);
      const vars = model.spec.subsystems.flatMap((s) => s.vars);
      const count = (kind: string): number => vars.filter((v) => v.kind === kind).length;
      const { start, until, dt, method } = compiled.options;
      io.stdout(
        `${file}: model \`${model.spec.name ?? 'model'}\`, ${model.spec.subsystems.length} subsystems, ${vars.length} variables ` +
          `(${count('stock')} stocks, ${count('flow')} flows, ${count('aux')} auxiliaries, ${count('input')} inputs), ` +
          `${model.levers.length} levers, ${compiled.outputIds.length} outputs; ${start}–${until}, ${Math.round(1 / dt)} steps a year, ${method}\n`,
      );
      if (opts.out !== undefined) write(io, opts.out, `${JSON.stringify(model, null, 2)}\n`);
    });
}
