import articles from '../../commands/articles.js';
import help from '../../commands/help.js';
import motivations from '../../commands/motivations.js';
import schedule from '../../commands/schedule.js';
import skills from '../../commands/skills.js';
import tip from '../../commands/tip.js';
import tips from '../../commands/tips.js';
import type { Command } from './command.js';

/** Every command the bot answers, in the order /help lists them. Deploy registers exactly these. */
export const COMMANDS: readonly Command[] = [motivations, skills, tips, tip, articles, schedule, help];
