/**
 * `hzsim catalog [--json] [--domain D] [--lang zh|en]`: the indicators with their 2010 baselines,
 * the plan's targets and the plan line each figure comes from.
 */
import type { Command } from 'commander';
import {
  catalog,
  Domains,
  formatBaselineValue,
  isDomain,
  targetsOfKind,
  type Indicator,
  type Target,
} from '../../catalog/index.js';
import { InputError } from '../../errors.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliIO } from '../io.js';

type Lang = 'zh' | 'en';
const LANGS: readonly Lang[] = ['zh', 'en'];

/** Terminal columns taken by one code point: East Asian wide and fullwidth characters take two. */
function codePointWidth(cp: number): number {
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200b) return 0; // combining, variation selectors
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, punctuation (、。「」)
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, CJK symbols
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms （）％，
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Columns the text takes on a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += codePointWidth(ch.codePointAt(0) ?? 0);
  return w;
}

/** A plain-text table; `right` lists the columns aligned right (numbers). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - displayWidth(cell));
        return right.has(c) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

const percent = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 1000) / 10)}%`;

/** Short form of a target for the table: `↑2015`, `↓2015`, `−20% 2015`, `≥80 2015`. */
function targetCell(t: Target): string {
  switch (t.kind) {
    case 'direction':
      return `${t.direction === 'increase' ? '↑' : '↓'}${t.year}`;
    case 'change':
      return `${t.relative ? percent(t.change) : `${t.change > 0 ? '+' : ''}${t.change}`} ${t.year}`;
    case 'level':
      return `${t.comparator}${t.level} ${t.year}`;
    case 'milestone':
      return `✓${t.year}`;
  }
}

const TEXT = {
  zh: {
    header: ['编号', '名称', '2010年', '单位', '领域', '规划行', '2015年目标'],
    assumed: '* 规划未给出2010年数值：基值为假设，理由见 `hzsim catalog --json` 的 baselineProvenance；行号为规划提及该指标或其目标之处。',
    qualifiers: '≥ 以上　≈ 左右　> 多　↑ 须提高　↓ 须降低',
    milestones: '里程碑目标（由情景中的年份参数判定）：',
    count: (n: number, stated: number, targets: number) =>
      `共 ${n} 个指标（规划给出基值 ${stated} 个，假设 ${n - stated} 个），指标目标 ${targets} 个。`,
  },
  en: {
    header: ['id', 'name', '2010', 'unit', 'domain', 'plan line', '2015 target'],
    assumed: '* The plan states no 2010 value: the baseline is an assumption, reason in `hzsim catalog --json` (baselineProvenance); the line is where the plan names the indicator or its target.',
    qualifiers: '≥ at least  ≈ about  > more than  ↑ must rise  ↓ must fall',
    milestones: 'Milestones (judged on the year levers of a scenario):',
    count: (n: number, stated: number, targets: number) =>
      `${n} indicators (${stated} with a plan-stated baseline, ${n - stated} assumed), ${targets} target${targets === 1 ? '' : 's'} on indicators.`,
  },
} as const;

export function renderCatalogTable(indicators: readonly Indicator[], lang: Lang, showMilestones: boolean): string {
  const text = TEXT[lang];
  const rows = indicators.map((i) => [
    i.id,
    i.name[lang],
    formatBaselineValue(i.baseline),
    i.unit,
    i.domain,
    `${i.source.line}${i.baselineProvenance ? '*' : ''}`,
    i.targets.map(targetCell).join(' '),
  ]);
  let out = renderTable(text.header, rows, new Set([2, 5]));
  const stated = indicators.filter((i) => !i.baselineProvenance).length;
  const targets = indicators.reduce((n, i) => n + i.targets.length, 0);
  out += `\n${text.count(indicators.length, stated, targets)}\n${text.qualifiers}\n`;
  if (stated < indicators.length) out += `${text.assumed}\n`;
  if (showMilestones) {
    out += `\n${text.milestones}\n`;
    for (const m of targetsOfKind('milestone')) {
      out += `  ${m.label[lang]} — ${m.year} (${m.completionParam}, line ${m.source.line})\n`;
    }
  }
  return out;
}

interface CatalogOptions {
  json?: boolean;
  domain?: string;
  lang: string;
}

export function register(program: Command, io: CliIO): Command {
  const domainList = Object.keys(Domains).join(', ');
  return program
    .command('catalog')
    .description('indicators with 2010 baselines, the plan\'s targets and provenance · 指标目录')
    .option('--json', 'print the catalog as a JSON array')
    .option('--domain <domain>', `only this domain: ${domainList}`)
    .option('--lang <lang>', 'language of names in the table: zh or en', 'zh')
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim catalog\n  hzsim catalog --domain insurance --lang en\n  hzsim catalog --json > catalog.json\n',
    )
    .action((opts: CatalogOptions) => {
      const problems = [];
      if (opts.domain !== undefined && !isDomain(opts.domain)) {
        problems.push({
          file: '<cli>',
          path: '--domain',
          message: `unknown domain '${opts.domain}'${didYouMean(opts.domain, Object.keys(Domains))} — expected one of: ${domainList}`,
        });
      }
      if (!(LANGS as readonly string[]).includes(opts.lang)) {
        problems.push({ file: '<cli>', path: '--lang', message: `unknown language '${opts.lang}' — expected zh or en` });
      }
      if (problems.length > 0) throw new InputError(problems);
      const lang = opts.lang as Lang;
      const selected = opts.domain === undefined ? catalog : catalog.filter((i) => i.domain === opts.domain);
      if (opts.json) {
        io.stdout(`${JSON.stringify(selected, null, 2)}\n`);
        return;
      }
      io.stdout(renderCatalogTable(selected, lang, opts.domain === undefined));
    });
}
