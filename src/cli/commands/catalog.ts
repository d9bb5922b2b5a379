/**
 * `hzsim catalog [--json] [--domain D] [--lang zh|en]`: the indicators with their 2010 baselines,
 * the plan's targets and the plan line each figure comes from.
 */
import type { Command } from 'commander';
import {
  catalog,
  formatBaselineValue,
  targetsOfKind,
  type Indicator,
  type Target,
} from '../../catalog/index.js';
import type { Lang } from '../../catalog/types.js';
import type { CliIO } from '../io.js';
import { outputOptions, printJson } from '../kit.js';
import { domainList, parseListingOptions } from '../listing-options.js';
import { renderTable } from '../table.js';
import { displayUnit } from '../../charts/i18n.js';

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
    displayUnit(i.unit, lang),
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
  lang?: string;
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program.command('catalog').option('--domain <domain>', `only this domain: ${domainList}`);
  return outputOptions(cmd, { json: 'the indicators (an array)', lang: 'names and units in the table' })
    .addHelpText(
      'after',
      '\nExamples:\n  hzsim catalog\n  hzsim catalog --domain insurance --lang en\n  hzsim catalog --json > catalog.json\n',
    )
    .action((opts: CatalogOptions) => {
      const { domain, lang } = parseListingOptions(opts);
      const selected = domain === undefined ? catalog : catalog.filter((i) => i.domain === domain);
      if (opts.json) {
        printJson(io, selected);
        return;
      }
      io.stdout(renderCatalogTable(selected, lang, domain === undefined));
    });
}
