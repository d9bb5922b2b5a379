/**
 * The list of commands, in `hzsim --help` order. Each entry names a module exporting
 * `register(program, io)`, which adds the command with its options and action; the module is
 * imported only when its command runs or its help is shown (see src/cli/kit.ts for the
 * conventions a command follows). The summary is the one-line description in both places.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export type RegisterCommand = (program: Command, io: CliIO) => Command;

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ readonly register: RegisterCommand }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'catalog', summary: "indicators with 2010 baselines, the plan's targets and provenance · 指标目录", load: () => import('./catalog.js') },
  { name: 'params', summary: 'levers: id, names, unit, default, range, plan line and provenance · 模型参数', load: () => import('./params.js') },
  { name: 'validate', summary: 'check scenario files and report every problem at once (writes nothing) · 检查情景文件', load: () => import('./validate.js') },
  { name: 'run', summary: 'run scenarios (deterministic or Monte Carlo) and judge the targets · 运行情景', load: () => import('./run.js') },
  { name: 'compare', summary: 'differences of scenarios against the first: levers changed, largest output differences · 情景比较', load: () => import('./compare.js') },
  { name: 'sensitivity', summary: 'which levers move an indicator most: OAT tornado, Morris screening, Sobol indices · 敏感性分析', load: () => import('./sensitivity.js') },
  { name: 'goal-seek', summary: 'the lever value that makes an indicator reach a target (or reach it with probability P) · 目标求解', load: () => import('./goal-seek.js') },
  { name: 'calibrate', summary: 'fit levers to observed values by bounded least squares · 参数校准', load: () => import('./calibrate.js') },
  { name: 'backtest', summary: 'projection against observed values: errors, MAPE, Theil’s U, fitted vs out-of-sample years · 回测', load: () => import('./backtest.js') },
  { name: 'chart', summary: 'briefing charts (Vega-Lite spec, SVG, PNG, offline HTML) · 绘制简报图表', load: () => import('./chart.js') },
  { name: 'demo', summary: 'run every bundled scenario; write results, charts (zh + en) and a briefing · 运行全部内置情景并生成图表与简报', load: () => import('./demo.js') },
  { name: 'explore', summary: 'the scenario explorer: one offline HTML page, levers as sliders · 情景探索页面', load: () => import('./explore.js') },
  { name: 'observed', summary: 'published Hangzhou figures the model is compared with, with sources and trust · 观测数据', load: () => import('./observed.js') },
  { name: 'export', summary: 'write the model as Vensim .mdl or XMILE 1.0 (units, documentation, lever ranges) · 导出模型', load: async () => ({ register: (await import('./interchange.js')).registerExport }) },
  { name: 'import', summary: 'read a Vensim .mdl or XMILE file (the subset hzsim export writes), check and summarise it · 导入模型', load: async () => ({ register: (await import('./interchange.js')).registerImport }) },
  { name: 'loops', summary: 'feedback loops found from the model graph, with polarity and subsystems · 反馈回路', load: () => import('./loops.js') },
];
