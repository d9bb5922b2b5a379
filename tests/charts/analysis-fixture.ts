/**
 * Analysis results for the chart tests: OAT, Morris and Sobol of a small made-up response (named
 * as the hukou urbanisation rate, with five labelled levers) and a backtest of the Monte Carlo
 * fixture against made-up observations. They test drawing, not the model.
 */
import { backtest, morris, oat, sobol, type Input } from '../../src/analysis/index.js';
import { fixtureMonteCarlo } from './fixture.js';

const inputs: Input[] = [
  { id: 'hukou_conv_rate_migrant', min: 0.01, max: 0.05, label: { zh: '外来农民工转换率', en: 'Migrant conversion rate' }, reference: 0.03 },
  { id: 'hukou_eligibility_share', min: 20, max: 60, label: { zh: '符合条件人口比例', en: 'Eligible share' }, reference: 40 },
  { id: 'hukou_pilot_start_year', min: 2011, max: 2015, integer: true, label: { zh: '户籍改革试点启动年份', en: 'Hukou reform pilot start year' }, reference: 2012 },
  { id: 'land_swap_rate', min: 0.002, max: 0.01, label: { zh: '宅基地置换率', en: 'Homestead swap rate' }, reference: 0.005 },
  { id: 'rural_urban_move_rate', min: 0, max: 0.1, label: { zh: '农村居民进城居住率', en: 'Rural-to-town move rate' }, reference: 0.02 },
];
/** 2015 hukou urbanisation rate (%): additive, one quadratic term and one interaction. */
const response = (x: Float64Array): number =>
  50 + 120 * x[0]! + 0.05 * x[1]! - 0.8 * (x[2]! - 2011) + 0.3 * x[1]! * x[4]! * 10 + 200 * x[3]! + 400 * (x[4]! - 0.05) ** 2;
const outputs = [{ id: 'urbanisation.hukou-rate', year: 2015 }];

export const analysisFixtures = {
  scenario: { id: 'plan', title: { zh: '规划方案', en: 'Plan as written' } },
  oat: await oat(response, { inputs, outputs }),
  morris: await morris(response, { inputs, outputs, trajectories: 10, seed: 2011 }),
  sobol: await sobol(response, { inputs, outputs, samples: 256, resamples: 50, seed: 2011 }),
  backtest: backtest(
    fixtureMonteCarlo,
    [
      { id: 'urbanisation.rate', year: 2010, value: 70 },
      { id: 'urbanisation.rate', year: 2011, value: 70.9 },
      { id: 'urbanisation.rate', year: 2012, value: 72.6 },
      { id: 'urbanisation.rate', year: 2013, value: 73.1 },
      { id: 'urbanisation.rate', year: 2014, value: 74.8 },
      { id: 'urbanisation.rate', year: 2015, value: 74.9 },
    ],
    { fittedUntil: 2013 },
  ),
};
