/**
 * The question readers under one name, for the engine's current imports. Each lives in its own
 * module: reading/ for dates, amounts, shares and number words; rules/inputs/ for each decision.
 */

export { extractDateRange, type DateRange } from './reading/dates.js';
export { readDate, type DateReading } from './reading/readDate.js';
export {
  extractAmounts,
  extractShare,
  readShares,
  type AmountMention,
  type ShareMention,
} from './reading/amounts.js';
export { normalizeNumerals, prepareForReading } from './reading/numerals.js';
export { extractFailedRounds, mentionsFailedBid } from './rules/inputs/single-source.js';
export { extractCompanyTier, saysVatExcluded, type CompanyTier } from './rules/inputs/large-company.js';
export { saysResubcontract } from './rules/inputs/subcontracting.js';
