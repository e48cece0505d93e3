import { loadContent } from './adapters/content-loader.js';
import { formatConfigProblems } from './config.js';
import { formatProblem } from './core/article.js';
import { renderedMessages } from './core/render/all.js';
import { loadDotEnv } from './env.js';
import { z } from 'zod';

/**
 * `npm run content:check`: validates every article the way the bot reads it, and renders every
 * reply it can give to check it against Discord's limits. Exits 1 on any problem.
 */
async function check(): Promise<number> {
  loadDotEnv();
  const env = z
    .object({
      CONTENT_DIR: z.string().default('./content'),
      SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
    })
    .safeParse(process.env);
  if (!env.success) {
    console.error(
      formatConfigProblems(env.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    );
    return 1;
  }
  const { index, problems, fileCount } = await loadContent(env.data.CONTENT_DIR, env.data.SITE_URL);
  const lines = problems.map(formatProblem);
  for (const { what, violations } of renderedMessages(index, env.data.SITE_URL)) {
    for (const violation of violations) lines.push(`${what}: ${violation}`);
  }
  if (index.articles.length === 0) lines.push(`${env.data.CONTENT_DIR}: no valid article`);
  if (lines.length > 0) {
    console.error(lines.join('\n'));
    return 1;
  }
  console.log(
    `${index.articles.length} article(s) in ${fileCount} file(s): all valid, every reply within Discord's limits.`,
  );
  return 0;
}

process.exitCode = await check();
