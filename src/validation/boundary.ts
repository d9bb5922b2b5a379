/**
 * Boundary adequacy (Sterman, Business Dynamics ch. 21): what the model computes itself (stocks and
 * the feedback loops through them), what it takes as given (the levers, by domain), and what it
 * leaves out.
 */
import { Domains, type Domain } from '../catalog/types.js';
import { flattenModel } from '../engine/model.js';
import { hangzhouModel } from '../models/index.js';
import { loopReport } from '../models/loop-report.js';
import { params } from '../params/index.js';
import type { ParamRecord } from '../params/types.js';
import { bundledScenarios } from '../scenario/bundled.js';
import { loadScenario } from '../scenario/index.js';

export interface SubsystemCount {
  readonly id: string;
  readonly name: string;
  readonly stocks: number;
  readonly flows: number;
  readonly auxiliaries: number;
  readonly inputs: number;
}

export interface DomainLevers {
  readonly domain: Domain;
  readonly name: string;
  readonly levers: number;
  /** Levers that are calendar years (pilot start, milestone completion). */
  readonly years: number;
  /** Initial conditions (`init_…`). */
  readonly initial: number;
  /** Levers whose default is a schedule (a value per year). */
  readonly scheduledDefaults: number;
}

export interface BoundaryResult {
  readonly subsystems: readonly SubsystemCount[];
  readonly stocks: number;
  readonly variables: number;
  /** Equations that read `time` directly: exogenous time paths inside the model. */
  readonly timeDriven: readonly string[];
  readonly documentedLoops: readonly { readonly id: string; readonly name: string; readonly polarity: string; readonly found: boolean; readonly subsystems: readonly string[] }[];
  /** A shortest independent loop set: every causal link on some loop is on one of these. */
  readonly independentLoops: number;
  readonly reinforcing: number;
  readonly balancing: number;
  readonly otherPolarity: number;
  /** Elementary loops counted (up to the count limit). */
  readonly totalLoops: number;
  readonly totalLoopsComplete: boolean;
  readonly levers: number;
  readonly byDomain: readonly DomainLevers[];
  /** Levers that some bundled scenario sets as a schedule (a time series), with the scenarios. */
  readonly scheduledInScenarios: readonly { readonly lever: string; readonly scenarios: readonly string[] }[];
  readonly omissions: readonly Omission[];
}

export interface Omission {
  readonly what: string;
  readonly why: string;
}

/**
 * What the model boundary leaves out, and why it matters: a modeller's judgement, kept here
 * beside the computed parts so the report states it in one place.
 */
export const OMISSIONS: readonly Omission[] = [
  {
    what: 'National policy changes after 2011 (the State Council’s 2014 hukou reform opinion, the 2014 merger of urban and rural residents’ pension schemes, the 2016 merger of residents’ medical schemes)',
    why: 'They changed the rules the city’s levers work under during the plan period; the model sees them only if a scenario moves the levers, so out-of-sample years after 2014 carry this error.',
  },
  {
    what: 'Housing market and house prices',
    why: 'Housing costs govern migrants’ decisions to settle and the value of homestead; without them migration and settlement respond only to jobs, incomes and insurance access.',
  },
  {
    what: 'Economic structure and the business cycle (GDP growth is an exogenous path)',
    why: 'The reforms cannot raise or lower growth in the model, so any growth dividend of reform, and the 2012–2015 slowdown, lie outside it; GDP drives migration, land demand and the budget.',
  },
  {
    what: 'The wider public budget (only an earmarked reform budget, a share of GDP plus quota sales)',
    why: 'Competition with other spending and land-sale revenue (土地出让金) are not modelled, so funding limits are stylised.',
  },
  {
    what: 'Age structure, fertility and mortality by group (births and deaths are fixed rates)',
    why: 'Ageing changes pension coverage and the cost of new citizens; over 2011–2015 the effect is small, over decades it is not.',
  },
  {
    what: 'Neighbouring cities and the rest of Zhejiang (migration sources and competing destinations)',
    why: 'Migrant arrivals follow Hangzhou’s own pull only; a region-wide change in migration shows up as error.',
  },
  {
    what: 'Behaviour of firms and officials behind the trend domains (education, administration, finance, community, private economy)',
    why: 'These are trend models with a bounded form: their projections are extrapolations, not the outcome of modelled decisions.',
  },
];

const timeReader = /\btime\b/;

function leverDomains(levers: readonly ParamRecord[]): DomainLevers[] {
  return (Object.keys(Domains) as Domain[]).flatMap((domain) => {
    const own = levers.filter((p) => p.domain === domain);
    if (own.length === 0) return [];
    return [{
      domain,
      name: Domains[domain].en,
      levers: own.length,
      years: own.filter((p) => p.integer === true).length,
      initial: own.filter((p) => p.id.startsWith('init_')).length,
      scheduledDefaults: own.filter((p) => typeof p.default !== 'number').length,
    }];
  });
}

function scheduledInScenarios(): { lever: string; scenarios: string[] }[] {
  const byLever = new Map<string, string[]>();
  for (const s of bundledScenarios) {
    const resolved = loadScenario(s.file);
    for (const [lever, value] of Object.entries(resolved.parameters)) {
      if (typeof value === 'number') continue;
      byLever.set(lever, [...(byLever.get(lever) ?? []), resolved.id]);
    }
  }
  return [...byLever.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([lever, scenarios]) => ({ lever, scenarios }));
}

export function boundaryAdequacy(): BoundaryResult {
  const flat = flattenModel(hangzhouModel);
  const subsystems = hangzhouModel.subsystems.map((s): SubsystemCount => {
    const count = (kind: string): number => s.vars.filter((v) => v.kind === kind).length;
    return { id: s.id, name: s.name.en, stocks: count('stock'), flows: count('flow'), auxiliaries: count('aux'), inputs: count('input') };
  });
  const timeDriven = flat.vars.filter((v) => v.def.kind !== 'input' && v.def.kind !== 'stock' && v.expr !== null && timeReader.test(v.expr.source)).map((v) => v.def.id);
  const loops = loopReport();
  const polarity = (p: string): number => loops.loops.filter((l) => l.polarity === p).length;
  return {
    subsystems,
    stocks: subsystems.reduce((a, s) => a + s.stocks, 0),
    variables: flat.vars.length,
    timeDriven,
    documentedLoops: loops.documented.map((d) => ({
      id: d.spec.id,
      name: d.spec.name.en,
      polarity: d.loop?.polarity ?? 'not found',
      found: d.loop !== null,
      subsystems: d.loop?.subsystems ?? [],
    })),
    independentLoops: loops.loops.length,
    reinforcing: polarity('reinforcing'),
    balancing: polarity('balancing'),
    otherPolarity: loops.loops.length - polarity('reinforcing') - polarity('balancing'),
    totalLoops: loops.totalLoops,
    totalLoopsComplete: loops.countComplete,
    levers: params.length,
    byDomain: leverDomains(params),
    scheduledInScenarios: scheduledInScenarios(),
    omissions: OMISSIONS,
  };
}
