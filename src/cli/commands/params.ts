/**
 * `hzsim params [--json] [--domain D] [--lang zh|en]`: the levers a scenario may set, with unit,
 * default, range, the plan line each implements and where its default comes from.
 */
import type { Command } from 'commander';
import { params, type Param } from '../../params/index.js';
import { formatParamValue } from '../../params/format.js';
import type { Lang } from '../../catalog/types.js';
import type { CliIO } from '../io.js';
import { outputOptions, printJson } from '../kit.js';
import { domainList, parseListingOptions } from '../listing-options.js';
import { renderTable } from '../table.js';

const TEXT = {
  zh: {
    header: ['编号', '名称', '单位', '默认值', '范围', '规划行', '默认值来源'],
    kinds: { plan: '规划', external: '外部', assumption: '假设', calibrated: '校准' },
    count: (n: number, assumed: number) => `共 ${n} 个参数，其中 ${assumed} 个默认值为假设（理由见 \`hzsim params --json\` 的 provenance 或 docs/MODEL-REFERENCE.md）。`,
    calibrated: (levers: readonly Param[]) =>
      levers.length === 0 ? '' : `${levers.length} 个默认值按2013年及以前的公布数据校准（data/calibration/hangzhou.json，\`npm run calibrate\`）：${levers.map(calibratedText).join('；')}。\n`,
    defaults: '默认值代表延续2006–2010年趋势、规划措施以适度力度实施；情景文件可覆盖任一参数（常数或按年份）。',
  },
  en: {
    header: ['id', 'name', 'unit', 'default', 'range', 'plan line', 'default from'],
    kinds: { plan: 'plan', external: 'external', assumption: 'assumption', calibrated: 'calibrated' },
    count: (n: number, assumed: number) =>
      `${n} levers, ${assumed} with an assumed default (reasons in \`hzsim params --json\` under provenance, or docs/MODEL-REFERENCE.md).`,
    calibrated: (levers: readonly Param[]) =>
      levers.length === 0 ? '' : `${levers.length} defaults calibrated to published figures up to 2013 (data/calibration/hangzhou.json, \`npm run calibrate\`): ${levers.map(calibratedText).join('; ')}.\n`,
    defaults: 'Defaults continue the 2006–2010 trend with the plan’s measures at modest strength; a scenario file can override any lever (a constant or by year).',
  },
} as const;

export function renderParamsTable(levers: readonly Param[], lang: Lang): string {
  const text = TEXT[lang];
  const rows = levers.map((p) => [
    p.id,
    p.name[lang],
    p.unit,
    formatParamValue(p.default),
    `${p.range.min}–${p.range.max}`,
    p.source ? String(p.source.line) : '—',
    text.kinds[p.provenance.kind],
  ]);
  const assumed = levers.filter((p) => p.provenance.kind === 'assumption').length;
  const calibrated = levers.filter((p) => p.provenance.kind === 'calibrated');
  return `${renderTable(text.header, rows, new Set([3]))}\n${text.count(levers.length, assumed)}\n${text.calibrated(calibrated)}${text.defaults}\n`;
}

/** `migrant_arrivals 141,990 (95 % 127,200–156,800; was 300,000)`. */
function calibratedText(p: Param): string {
  if (p.provenance.kind !== 'calibrated') return p.id;
  const [lo, hi] = p.provenance.interval;
  const n = (v: number): string => formatParamValue(Number(v.toPrecision(4)));
  return `${p.id} ${formatParamValue(p.default)} (95% ${n(lo)}–${n(hi)})`;
}

interface ParamsOptions {
  json?: boolean;
  domain?: string;
  lang?: string;
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program.command('params').option('--domain <domain>', `only this domain: ${domainList}`);
  return outputOptions(cmd, { json: 'the levers (an array)', lang: 'names in the table' })
    .addHelpText('after', '\nExamples:\n  hzsim params\n  hzsim params --domain land --lang en\n  hzsim params --json > params.json\n')
    .action((opts: ParamsOptions) => {
      const { domain, lang } = parseListingOptions(opts);
      const selected = domain === undefined ? params : params.filter((p) => p.domain === domain);
      if (opts.json) {
        printJson(io, selected);
        return;
      }
      io.stdout(renderParamsTable(selected, lang));
    });
}
