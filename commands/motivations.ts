import { createSectionCommand } from '../src/discord/section-command.js';

export default createSectionCommand('motivations', 'Why engineers move into leadership, from an article');
