/**
 * "Did you mean …?" for scenario files: up to three nearest valid names (src/util/suggest.ts).
 */
import { suggestIds } from '../util/suggest.js';

export const nearest = (name: string, candidates: readonly string[]): string[] => suggestIds(name, candidates, { max: 3 });
