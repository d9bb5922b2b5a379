/**
 * A planner's targets, as written in a scenario file, turned into the catalog's typed targets so
 * attainment treats them exactly like the plan's own. Ids are `scenario.<scenario-id>.<n>`
 * (n counts from 1 in the file that declares them); the "source" is the scenario file itself:
 * its path, the line of the target and the target as written.
 */
import type { ChangeTarget, LevelTarget, Target, Text } from '../catalog/types.js';
import type { IndicatorInfo } from './context.js';
import type { ScenarioTargetSpec } from './types.js';

export interface TargetOrigin {
  readonly scenarioId: string;
  /** The scenario file as shown to users. */
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly text: string;
}

const percent = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

function defaultLabel(spec: ScenarioTargetSpec, indicator: IndicatorInfo | undefined): Text {
  const zh = indicator?.name.zh ?? spec.indicator;
  const en = indicator?.name.en ?? spec.indicator;
  const unit = indicator?.unit ?? '';
  if ('level' in spec) {
    const cmp = spec.comparator === '≈' ? '≈' : spec.comparator === '>=' ? '≥' : '≤';
    const v = `${spec.level}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
    return { zh: `${spec.year}年${zh} ${cmp} ${v}`, en: `${en} ${cmp} ${v} by ${spec.year}` };
  }
  const base = spec.baseYear ?? indicator?.baseline.year ?? 2010;
  const change = spec.relative ? percent(spec.change) : `${spec.change > 0 ? '+' : ''}${spec.change}${unit ? ` ${unit}` : ''}`;
  return {
    zh: `${zh}较${base}年变化 ${change}（${spec.year}年）`,
    en: `${en}: ${change} from ${base} by ${spec.year}`,
  };
}

export function toTarget(spec: ScenarioTargetSpec, indicator: IndicatorInfo | undefined, origin: TargetOrigin): Target {
  const base = {
    id: `scenario.${origin.scenarioId}.${origin.index}`,
    year: spec.year,
    label: spec.label ?? defaultLabel(spec, indicator),
    source: { section: `scenario ${origin.scenarioId} (${origin.file})`, line: origin.line, quote: origin.text },
    indicator: spec.indicator,
  };
  if ('level' in spec) {
    const target: LevelTarget = {
      ...base,
      kind: 'level',
      comparator: spec.comparator,
      level: spec.level,
      ...(spec.tolerance !== undefined ? { tolerance: spec.tolerance } : {}),
    };
    return target;
  }
  const target: ChangeTarget = {
    ...base,
    kind: 'change',
    baseYear: spec.baseYear ?? indicator?.baseline.year ?? 2010,
    change: spec.change,
    relative: spec.relative,
  };
  return target;
}
