import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The package version, read from package.json (works from src/ under tsx and from dist/). */
export const PACKAGE_VERSION: string = (require('../package.json') as { version: string }).version;
