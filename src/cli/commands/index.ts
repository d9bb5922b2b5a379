/**
 * The list of commands. Each module exports `register(program, io)` that adds one subcommand and
 * returns it. Order here is the order in `hzsim --help`.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { register as catalog } from './catalog.js';
import { register as chart } from './chart.js';
import { register as compare } from './compare.js';
import { register as demo } from './demo.js';
import { register as explore } from './explore.js';
import { register as observed } from './observed.js';
import { register as params } from './params.js';
import { register as run } from './run.js';
import { register as validate } from './validate.js';

export type RegisterCommand = (program: Command, io: CliIO) => Command;

export const commands: readonly RegisterCommand[] = [catalog, params, validate, run, compare, chart, demo, explore, observed];
