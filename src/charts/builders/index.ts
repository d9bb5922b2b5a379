export { scenarioComparison, type ScenarioComparisonOptions } from './scenarioComparison.js';
export { fan, type FanOptions } from './fan.js';
export { attainmentDashboard, type AttainmentDashboardOptions } from './attainmentDashboard.js';
export { tornado, sortSwings, type TornadoInput, type TornadoOptions, type TornadoSwing } from './tornado.js';
export { quotaLedger, QUOTA_BALANCE, QUOTA_FLOWS, type QuotaLedgerOptions } from './quotaLedger.js';
export { hukouChannels, HUKOU_CHANNELS, type HukouChannelsOptions } from './hukouChannels.js';
export { coverage, COVERAGE_SCHEMES, coverageSeriesId, type CoverageOptions } from './coverage.js';
export { smallMultiples, type SmallMultiplesOptions } from './smallMultiples.js';
