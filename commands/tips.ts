import { createSectionCommand } from '../src/discord/section-command.js';

export default createSectionCommand('tips', 'All the tips of an article, each with what to do');
