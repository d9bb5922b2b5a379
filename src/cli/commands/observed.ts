/**
 * `hzsim observed [--json] [--lang zh|en] [--id ID] [--file CSV]`: the published figures the model
 * is compared with (data/observed/hangzhou.csv), each in model units beside the value as its
 * source states it, with trust level and whether calibration may use it.
 */
import type { Command } from 'commander';
import type { Lang } from '../../catalog/types.js';
import { LAST_FITTED_YEAR, type ObservedRow, readObserved, Trusts } from '../../data/observed.js';
import { findObservable, isObservableId, observableIds } from '../../data/observables.js';
import { ModelUnits } from '../../data/units.js';
import { InputError, type InputProblem } from '../../errors.js';
import { formatNumber } from '../../util/csv.js';
import { quote } from '../../util/quote.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliIO } from '../io.js';
import { parseListingOptions } from '../listing-options.js';
import { displayWidth, renderTable } from '../table.js';

/** Widest source title shown in the table (terminal columns); --json has the full text. */
const SOURCE_WIDTH = 48;

const TEXT = {
  zh: {
    header: ['编号', '年份', '数值', '单位', '原文数值', '可信度', '用途', '样本', '来源'],
    role: { primary: '主', corroboration: '佐证' },
    sample: { fit: '拟合', 'out-of-sample': '样本外' },
    count: (n: number, primary: number, fit: number) =>
      `共 ${n} 行（主数据 ${primary} 行，其余为佐证）；${LAST_FITTED_YEAR} 年及以前可用于拟合的主数据 ${fit} 行，其后为样本外（仅用于回测）。`,
    trust: '可信度：',
    more: '每行的原文、口径说明与网址见 `hzsim observed --json`。',
  },
  en: {
    header: ['id', 'year', 'value', 'unit', 'as stated', 'trust', 'role', 'sample', 'source'],
    role: { primary: 'primary', corroboration: 'corrob.' },
    sample: { fit: 'fit', 'out-of-sample': 'out' },
    count: (n: number, primary: number, fit: number) =>
      `${n} rows (${primary} primary, the rest corroboration); ${fit} primary rows up to ${LAST_FITTED_YEAR} may be fitted, later years are out-of-sample (backtest only).`,
    trust: 'Trust: ',
    more: 'Quotes, caliber notes and URLs: `hzsim observed --json`.',
  },
} as const;

/** Text cut to `width` terminal columns, with an ellipsis when cut. */
function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function renderObservedTable(rows: readonly ObservedRow[], lang: Lang): string {
  const text = TEXT[lang];
  const body = rows.map((r) => [
    r.id,
    String(r.year),
    formatNumber(r.value),
    ModelUnits[r.unit][lang],
    `${r.stated.value} ${r.stated.unit}`,
    r.trust,
    text.role[r.role],
    text.sample[r.sample],
    clip(r.source.title, SOURCE_WIDTH),
  ]);
  const primary = rows.filter((r) => r.role === 'primary');
  const fit = primary.filter((r) => r.sample === 'fit' && r.kind === 'output' && findObservable(r.id)?.notComparable === undefined).length;
  const trust = (Object.keys(Trusts) as (keyof typeof Trusts)[]).map((t) => `${t} ${Trusts[t][lang]}`).join(lang === 'zh' ? '；' : '; ');
  return `${renderTable(text.header, body, new Set([1, 2]))}\n${text.count(rows.length, primary.length, fit)}\n${text.trust}${trust}\n${text.more}\n`;
}

/** The --json shape (documented in the README): every row with its provenance, values in model units. */
export function observedJson(rows: readonly ObservedRow[], file: string): unknown {
  return {
    file,
    lastFittedYear: LAST_FITTED_YEAR,
    rows: rows.map((r) => ({
      id: r.id,
      name: findObservable(r.id)?.name,
      kind: r.kind,
      year: r.year,
      value: r.value,
      unit: r.unit,
      stated: r.stated,
      period: r.period,
      scope: r.scope,
      trust: r.trust,
      role: r.role,
      sample: r.sample,
      source: r.source,
      quote: r.quote,
      notes: r.notes,
      line: r.line,
    })),
  };
}

interface ObservedOptions {
  json?: boolean;
  lang: string;
  id?: string;
  file?: string;
}

/** --lang and --id checked together, so every bad option is reported at once (exit 2). */
function parseOptions(opts: ObservedOptions): { lang: Lang; id: string | undefined } {
  const problems: InputProblem[] = [];
  let lang: Lang = 'zh';
  try {
    lang = parseListingOptions({ lang: opts.lang }).lang;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
  }
  if (opts.id !== undefined && !isObservableId(opts.id)) {
    problems.push({
      file: '<cli>',
      path: '--id',
      message: `unknown observable ${quote(opts.id)}${didYouMean(opts.id, observableIds)} — expected one of: ${observableIds.join(', ')}`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { lang, id: opts.id };
}

export function register(program: Command, io: CliIO): Command {
  return program
    .command('observed')
    .description('published Hangzhou figures the model is compared with, with sources and trust · 观测数据')
    .option('--json', 'print every row with its quote, caliber notes and source as JSON')
    .option('--lang <lang>', 'language of the table: zh or en', 'zh')
    .option('--id <id>', 'only this observable, e.g. population.resident')
    .option('--file <csv>', 'check and list another file in the same format instead of the bundled data')
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim observed\n  hzsim observed --id economy.gdp --lang en\n  hzsim observed --json > observed.json\n  hzsim observed --file my-figures.csv\n',
    )
    .action((opts: ObservedOptions) => {
      const { lang, id } = parseOptions(opts);
      const rows = opts.file === undefined ? readObserved() : readObserved(opts.file);
      const selected = id === undefined ? rows : rows.filter((r) => r.id === id);
      const file = opts.file ?? 'data/observed/hangzhou.csv';
      io.stdout(opts.json ? `${JSON.stringify(observedJson(selected, file), null, 2)}\n` : renderObservedTable(selected, lang));
    });
}
