import articles from './articles.js';
import help from './help.js';
import motivations from './motivations.js';
import schedule from './schedule.js';
import search from './search.js';
import skills from './skills.js';
import tip from './tip.js';
import tips from './tips.js';
import type { Command } from '../src/discord/command.js';

/** Every command the bot answers, in the order /help lists them. Deploy registers exactly these. */
export const COMMANDS: readonly Command[] = [
  motivations,
  skills,
  tips,
  tip,
  articles,
  search,
  schedule,
  help,
];
