/**
 * `--domain` and `--lang`, shared by the listing commands (`hzsim catalog`, `hzsim params`):
 * both are checked together so every bad option is reported at once (exit 2).
 */
import { Domains, isDomain, type Domain, type Lang } from '../catalog/types.js';
import { InputError, type InputProblem } from '../errors.js';
import { quote } from '../util/quote.js';
import { didYouMean } from '../util/suggest.js';
import { langProblem } from './kit.js';

export const domainList = Object.keys(Domains).join(', ');

export function parseListingOptions(opts: { domain?: string; lang?: string }): { domain: Domain | undefined; lang: Lang } {
  const problems: InputProblem[] = [];
  if (opts.domain !== undefined && !isDomain(opts.domain)) {
    problems.push({
      file: '<cli>',
      path: '--domain',
      message: `unknown domain ${quote(opts.domain)}${didYouMean(opts.domain, Object.keys(Domains))} — expected one of: ${domainList}`,
    });
  }
  const lang = langProblem(opts.lang);
  if (lang) problems.push(lang);
  if (problems.length > 0) throw new InputError(problems);
  return { domain: opts.domain as Domain | undefined, lang: (opts.lang ?? 'zh') as Lang };
}
