/**
 * `hzsim loops [--json] [--all] [--lang zh|en] [--quiet] [--scenario FILE]`: the model's feedback loops,
 * found from the model graph (src/engine/loops.ts) — the documented loops of the plan's
 * mechanisms, then a shortest independent loop set — with each loop's polarity, the subsystems it
 * crosses and the variables on it.
 */
import type { Command } from 'commander';
import type { Lang } from '../../catalog/types.js';
import type { FeedbackLoop, LoopPolarity } from '../../engine/loops.js';
import { hangzhouModel } from '../../models/index.js';
import { loopReport, type LoopReport } from '../../models/loop-report.js';
import { loadScenarios } from '../../scenario/index.js';
import type { CliIO } from '../io.js';
import { outputOptions, parseOutputOptions, printJson } from '../kit.js';
import { renderTable } from '../table.js';

const POLARITY: Record<Lang, Record<LoopPolarity, string>> = {
  zh: { reinforcing: '增强 (R)', balancing: '调节 (B)', varies: '随状态变化', inactive: '未激活' },
  en: { reinforcing: 'reinforcing (R)', balancing: 'balancing (B)', varies: 'varies', inactive: 'inactive' },
};

const TEXT = {
  zh: {
    documented: ['编号', '名称', '极性', '跨越的子系统', '规划行', '变量'],
    all: ['编号', '极性', '跨越的子系统', '变量'],
    summary: (r: LoopReport, cross: number) =>
      `最短独立回路集共 ${r.loops.length} 个回路（其中 ${cross} 个跨子系统）；模型共有${r.countComplete ? '' : '至少'} ${r.totalLoops} 个基本回路。极性按参考运行各年年中状态数值计算。`,
    notFound: '（模型图中找不到）',
  },
  en: {
    documented: ['id', 'name', 'polarity', 'subsystems', 'plan line', 'variables'],
    all: ['id', 'polarity', 'subsystems', 'variables'],
    summary: (r: LoopReport, cross: number) =>
      `A shortest independent loop set of ${r.loops.length} loops (${cross} cross subsystems); the model has ${r.countComplete ? '' : 'at least '}${r.totalLoops} elementary loops in all. Polarities are computed numerically at the reference run’s mid-year states.`,
    notFound: '(not found in the model graph)',
  },
} as const;

const subsystemName = (id: string, lang: Lang): string => hangzhouModel.subsystems.find((s) => s.id === id)?.name[lang] ?? id;
const subsystemsOf = (loop: FeedbackLoop, lang: Lang): string => loop.subsystems.map((s) => subsystemName(s, lang)).join(' · ');

export function renderLoops(report: LoopReport, lang: Lang, all: boolean): string {
  const text = TEXT[lang];
  const documented = report.documented.map(({ spec, loop }) => [
    spec.id,
    spec.name[lang],
    loop ? POLARITY[lang][loop.polarity] : text.notFound,
    loop ? subsystemsOf(loop, lang) : '—',
    String(spec.source.line),
    loop ? loop.variables.join(' → ') : spec.through.join(' → '),
  ]);
  const cross = report.loops.filter((l) => l.subsystems.length > 1).length;
  const blocks = [renderTable(text.documented, documented), text.summary(report, cross)];
  if (all) {
    blocks.push(renderTable(text.all, report.loops.map((l) => [l.id, POLARITY[lang][l.polarity], subsystemsOf(l, lang), l.variables.join(' → ')])));
  }
  return `${blocks.join('\n')}\n`;
}

/** The report as JSON: plain data, stable key order. */
export function loopsJson(report: LoopReport): unknown {
  const loop = (l: FeedbackLoop): unknown => ({
    id: l.id,
    polarity: l.polarity,
    activeAtReference: l.activeAtReference,
    subsystems: l.subsystems,
    stocks: l.stocks,
    variables: l.variables,
    links: l.links.map((k) => ({ from: k.from, to: k.to, kind: k.kind, signs: k.signs })),
  });
  return {
    referenceTimes: report.referenceTimes,
    totalLoops: report.totalLoops,
    totalLoopsComplete: report.countComplete,
    documented: report.documented.map(({ spec, loop: found }) => ({
      id: spec.id,
      name: spec.name,
      documentedPolarity: spec.polarity,
      source: spec.source,
      doc: spec.doc,
      loop: found ? loop(found) : null,
    })),
    loops: report.loops.map(loop),
  };
}

interface LoopsOptions {
  json?: boolean;
  all?: boolean;
  lang?: string;
  quiet?: boolean;
  scenario?: string;
}

export function register(program: Command, io: CliIO): Command {
  const cmd = program
    .command('loops')
    .option('--all', 'also list every loop of the shortest independent loop set')
    .option('--scenario <scenario>', 'take the reference states from this scenario’s run (a file or a bundled id; default: every lever at its default)');
  return outputOptions(cmd, { json: 'the documented loops and the shortest independent loop set', lang: 'names in the tables' })
    .addHelpText('after', '\nExamples:\n  hzsim loops\n  hzsim loops --all --lang en\n  hzsim loops --json --scenario plan\n')
    .action((opts: LoopsOptions) => {
      const output = parseOutputOptions(opts);
      const [scenario] = opts.scenario === undefined ? [] : loadScenarios([opts.scenario], { cwd: io.cwd });
      const report = loopReport(scenario ? { parameters: scenario.parameters } : {});
      if (output.json) printJson(io, loopsJson(report));
      else io.stdout(renderLoops(report, output.lang, opts.all === true));
    });
}
