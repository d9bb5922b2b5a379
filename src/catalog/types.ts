/**
 * Types of the indicator catalog: every figure of the plan, typed, with its provenance.
 * The data itself lives beside this file (one module per domain) and is checked against the
 * plan text by tests/catalog/provenance.test.ts.
 */

/** Bilingual text: Chinese (the plan's language, default) and English. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** A language of the library's output: the keys of Text. */
export type Lang = keyof Text;

export const Domains = {
  integration: { zh: '城乡一体化', en: 'Urban-rural integration' },
  urbanisation: { zh: '城镇化与户籍', en: 'Urbanisation and hukou' },
  land: { zh: '土地', en: 'Land' },
  insurance: { zh: '社会保障与医疗', en: 'Social insurance and health' },
  education: { zh: '教育', en: 'Education' },
  administration: { zh: '行政管理', en: 'Administration' },
  finance: { zh: '金融与创新', en: 'Finance and innovation' },
  community: { zh: '社区与社会组织', en: 'Community and social organisations' },
  'private-economy': { zh: '民营经济', en: 'Private economy' },
  reform: { zh: '综合配套改革', en: 'Comprehensive reform programme' },
  economy: { zh: '经济与公共财政', en: 'Economy and public finance' },
} as const satisfies Record<string, Text>;
export type Domain = keyof typeof Domains;
export const isDomain = (s: string): s is Domain => Object.hasOwn(Domains, s);

export type Direction = 'higher' | 'lower';

/** 以上 → at-least, 左右 → about, 多 → more-than. Absent: the value is stated exactly. */
export type Qualifier = 'at-least' | 'about' | 'more-than';

/** Where in the plan a value is stated: section heading, 1-based line of the seed file, verbatim quote. */
export interface PlanSource {
  readonly section: string;
  readonly line: number;
  /** The plan's own words that state the value, verbatim (a substring of the cited line). */
  readonly quote: string;
}

/** Provenance of a value the plan does not state itself. */
export type Provenance =
  | { readonly kind: 'plan'; readonly line: number; readonly quote: string }
  | { readonly kind: 'external'; readonly citation: string }
  | { readonly kind: 'assumption'; readonly reason: string }
  | CalibratedProvenance;

/**
 * A lever default fitted to published figures (data/calibration/hangzhou.json, `npm run
 * calibrate`): the rows fitted, the fit per series and the lever's interval; `assumed` is the
 * default it replaced, with its reason.
 */
// A type alias, not an interface: it then reads as a plain record where provenance is shown generically.
export type CalibratedProvenance = {
  readonly kind: 'calibrated';
  /** One sentence: what was fitted to what, and how well. */
  readonly reason: string;
  /** The calibration file, relative to the package root. */
  readonly file: string;
  readonly standardError: number;
  /** Approximate 95 % interval (± 1.96 SE, clipped to the range). */
  readonly interval: readonly [number, number];
  readonly rows: readonly { readonly id: string; readonly year: number; readonly value: number }[];
  readonly fit: readonly { readonly id: string; readonly n: number; readonly rmse: number; readonly mape: number }[];
  readonly assumed: { readonly value: number; readonly reason: string };
};

export interface Baseline {
  readonly year: number;
  readonly value: number;
  readonly qualifier?: Qualifier;
  /**
   * How the value enters the model when it is not stated by the plan itself (e.g. an index
   * normalised to 100). Absent when the plan states the value.
   */
  readonly note?: Text;
}

export type Comparator = '>=' | '<=' | '≈';

interface TargetBase {
  /** Stable id, e.g. `admin.approvals.-20pct`. */
  readonly id: string;
  readonly year: number;
  readonly label: Text;
  readonly source: PlanSource;
}
/** A value to reach: indicator ≥ / ≤ / ≈ level in `year`. */
export interface LevelTarget extends TargetBase {
  readonly kind: 'level';
  readonly indicator: string;
  readonly comparator: Comparator;
  readonly level: number;
  /** For '≈': the tolerance in the indicator's unit. */
  readonly tolerance?: number;
}
/** A change from the base year: relative (−0.20 = −20 %) or absolute (in the indicator's unit). */
export interface ChangeTarget extends TargetBase {
  readonly kind: 'change';
  readonly indicator: string;
  readonly baseYear: number;
  readonly change: number;
  readonly relative: boolean;
}
/** The plan says 提高 / 扩大 / 逐步提高 / 减少: the indicator must move that way by `year`. */
export interface DirectionTarget extends TargetBase {
  readonly kind: 'direction';
  readonly indicator: string;
  readonly baseYear: number;
  readonly direction: 'increase' | 'decrease';
}
/** A thing done by a year (完成市级机关公车改革, 杭州银行上市…); judged on a milestone lever. */
export interface MilestoneTarget extends TargetBase {
  readonly kind: 'milestone';
  /** The lever (parameter id) holding the year the milestone is completed in a scenario. */
  readonly completionParam: string;
}
export type Target = LevelTarget | ChangeTarget | DirectionTarget | MilestoneTarget;
export type TargetKind = Target['kind'];

/** Shape of one indicator record as written in the data modules. */
export interface IndicatorRecord {
  readonly id: string;
  readonly name: Text;
  /** Display unit, e.g. '%', '万人', '亿元', '家', '个', 'index (2010 = 100)'. */
  readonly unit: string;
  readonly domain: Domain;
  readonly direction: Direction;
  readonly bounds: { readonly min: number; readonly max: number };
  readonly baseline: Baseline;
  /**
   * Where the plan states the value (quote contains the baseline value as written) — or, when
   * `baselineProvenance` is set, where the plan names the indicator or its target.
   */
  readonly source: PlanSource;
  /** Set only when the plan does not state the baseline (external fact or documented assumption). */
  readonly baselineProvenance?: Exclude<Provenance, { kind: 'plan' }>;
  /** Optional English gloss of what exactly is measured (denominator, scope). */
  readonly definition?: Text;
}

/** One of the 16 key projects of 专栏一–四, linked to the indicators it moves. */
export interface ReformTask {
  readonly id: string;
  /** Which 专栏 table (1–4) and row (1–4). */
  readonly table: 1 | 2 | 3 | 4;
  readonly row: 1 | 2 | 3 | 4;
  readonly name: Text;
  readonly tasks: Text;
  readonly source: PlanSource;
  readonly indicators: readonly string[];
}
