import { createSectionCommand } from '../src/discord/section-command.js';

export default createSectionCommand('skills', 'The skills an article says you need, each with what it means');
