import { readFileSync } from 'node:fs';
import { afterEach, assert, describe, expect, it } from 'vitest';
import {
  expandArticleUrl,
  JEKYLL_PERMALINK_STYLES,
  unlinkedNotes,
  unknownArticleUrlTokens,
} from '../../src/core/article-url.js';
import { formatProblem } from '../../src/core/article.js';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import { buildIndex } from '../../src/core/content-index.js';
import { SLUG_PATTERN } from '../../src/core/front-matter.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { renderSectionView } from '../../src/core/render/section.js';
import { renderTip } from '../../src/core/render/tip.js';
import { codePointLength } from '../../src/core/text.js';
import { articleSource, mustParse, validFront, words } from '../helpers/articles.js';
import { SEED_ARTICLE, SEED_SOURCE } from '../helpers/paths.js';

const seed = readFileSync(SEED_ARTICLE, 'utf8');

/** The problems of a post; of one read without tags it cannot show, what is said of those (see leftOutTags). */
function problemsOf(source: string, file = 'content/bad.md') {
  const result = parseArticle({ file, source, siteUrl: 'https://blog.example' });
  if (result.ok && result.article.leftOutTags !== undefined) return result.article.leftOutTags;
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('the seed article', () => {
  const article = mustParse(seed, 'content/software-engineer-to-engineering-leader.md');

  it('GIVEN its front matter THEN has title, slug, tag, summary and an absolute url', () => {
    expect(article.slug).toBe('software-engineer-to-engineering-leader');
    expect(article.title).toBe('From Software Engineer to Engineering Leader');
    expect(article.tags).toEqual(['engineering leadership']);
    expect(article.url).toBe('https://blog.example/blog/software-engineer-to-engineering-leader');
    expect(article.summary.length).toBeGreaterThan(20);
  });

  it('GIVEN its skills section THEN has the 4 skills with their names and texts', () => {
    const skills = article.sections.skills;
    expect(skills?.items.map((item) => item.name)).toEqual([
      'Strong leadership skills',
      'Technical expertise',
      'People management skills',
      'Communication skills',
    ]);
    expect(skills?.items[1]?.text).toBe(
      "A deep understanding of software development principles and technologies relevant to the team's domain.",
    );
    expect(skills?.items[0]?.text).toBe(
      'The ability to inspire, motivate, and guide team members towards achieving common goals.',
    );
    expect(skills?.text).toMatch(/^Regardless of the motivation/);
  });

  it('GIVEN its tips section THEN has the 4 tips with their names and texts', () => {
    const tips = article.sections.tips;
    expect(tips?.items.map((item) => [item.name, item.text])).toEqual([
      ['Seek out mentorship', 'Find an experienced engineering leader who can provide guidance and support.'],
      [
        'Develop your leadership skills',
        'Take courses, attend workshops, or read books on leadership development.',
      ],
      [
        'Volunteer for leadership opportunities',
        'Look for opportunities to take on leadership roles within your current team or organization.',
      ],
      [
        'Network with other engineering leaders',
        'Connect with other leaders in your field to learn from their experiences and build relationships.',
      ],
    ]);
  });

  it('GIVEN its motivations section THEN has the paragraph on why engineers make the move', () => {
    expect(article.sections.motivations?.text).toBe(
      'Several factors can motivate software engineers to pursue engineering leadership roles. Some may seek career advancement opportunities, while others may desire to lead and mentor others or tackle broader and more complex problems.',
    );
  });

  it("GIVEN the author's original post THEN the article keeps every word, in order, and both links", () => {
    const original = readFileSync(SEED_SOURCE, 'utf8');
    const body = seed.slice(seed.indexOf('\n---', 3) + 4);
    const headings = new Set(['Introduction', 'Motivations', 'Skills', 'Tips', 'Closing']);
    const bodyWords = body
      .split('\n')
      .filter((line) => !line.startsWith('## ') || !headings.has(line.slice(3).trim()))
      .join('\n');
    expect(words(bodyWords)).toEqual(words(original));
    for (const link of original.matchAll(/\]\(([^)]+)\)/g)) expect(body).toContain(`](${link[1] ?? ''})`);
  });
});

describe('finding sections', () => {
  it('GIVEN headings in any case and depth THEN finds the sections', () => {
    const article = mustParse(
      articleSource(validFront(), '# TIPS\n\n- **One:** first\n\n### motivations\n\nBecause.'),
    );
    expect(article.sections.tips?.items).toHaveLength(1);
    expect(article.sections.motivations?.text).toBe('Because.');
  });

  it('GIVEN a singular heading (Motivation, Skill, Tip) THEN it starts that section too; a longer name does not (README audit)', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Motivation\n\nBecause.\n\n## Skill\n\n- **Listen:** well\n\n### Tip\n\n- **One:** first\n\n## Key skills\n\n- not one',
      ),
    );
    expect(article.sections.motivations?.text).toBe('Because.');
    expect(article.sections.skills?.items).toMatchObject([{ name: 'Listen', text: 'well' }]);
    expect(article.sections.tips?.items).toMatchObject([{ name: 'One', text: 'first' }]);
    expect(article.sections.skills?.items).toHaveLength(1);
  });

  it('GIVEN numbered headings (## 1. Motivations, ## 3) Tips) THEN they are the sections; a number alone or in a name is no section', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## 1. Motivations\n\nBecause.\n\n## 3) Tips:\n\n- **One:** first\n\n## 2024 Skills\n\n- not skills',
      ),
    );
    expect(article.sections.motivations?.text).toBe('Because.');
    expect(article.sections.tips?.items).toMatchObject([{ name: 'One', text: 'first' }]);
    expect(article.sections.skills).toBeUndefined();
    // Shown without the number, as the embed's title names the section.
    expect([article.sections.motivations?.heading, article.sections.tips?.heading]).toEqual([
      'Motivations',
      'Tips',
    ]);
    // A full-width colon ends a heading as a colon does.
    expect(
      mustParse(articleSource(validFront(), '## 技巧\n\nx\n\n## Tips：\n\n- **One:** first')).sections.tips
        ?.heading,
    ).toBe('Tips');
  });

  it('GIVEN front matter that maps other headings THEN those headings are sections', () => {
    const source = articleSource(
      validFront({ sections: { tips: 'Advice for aspiring leaders', skills: ['What it takes'] } }),
      '## Advice for Aspiring Leaders\n\n- Ask: for feedback.\n\n## What it takes\n\n- Patience',
    );
    const article = mustParse(source);
    expect(article.sections.tips?.items[0]).toMatchObject({ name: 'Ask', text: 'for feedback.' });
    expect(article.sections.skills?.items[0]).toMatchObject({ text: 'Patience' });
    expect(article.sections.skills?.items[0]?.name).toBeUndefined();
  });

  it('GIVEN sections naming a heading the post does not have THEN the post is read, and the name is noted at its line', () => {
    const source = [
      '---',
      'title: A',
      'sections:',
      '  tips: Advice for new leads',
      '  skills: [What it takes, Skills to build]',
      '  motivations: Why',
      '---',
      '',
      '## Advice for new lead',
      '',
      '- **One:** do it.',
      '',
      '## What it takes',
      '',
      '- Patience',
      '',
      '## Tips',
      '',
      '- **Two:** ask.',
    ].join('\n');
    const article = mustParse(source);
    expect(article.sections.tips?.items.map((item) => item.name)).toEqual(['Two']);
    // A list of names is of alternatives: one heading found is enough.
    expect(article.headingNotes).toEqual([
      {
        file: 'content/a.md',
        line: 4,
        field: 'sections',
        message:
          'tips: no heading "Advice for new leads" in the post: write the name as its heading is written',
      },
      {
        file: 'content/a.md',
        line: 6,
        field: 'sections',
        message: 'motivations: no heading "Why" in the post: write the name as its heading is written',
      },
    ]);
    // Names found (case and a number opening the heading do not count), or none given: nothing said.
    expect(
      mustParse(articleSource(validFront({ sections: { tips: 'Advice' } }), '## 1. ADVICE\n\n- x'))
        .headingNotes,
    ).toBeUndefined();
    expect(mustParse(articleSource(validFront(), 'Text.')).headingNotes).toBeUndefined();
  });

  it('GIVEN sections mapping one heading to two kinds THEN it is read as the first kind (motivations, skills, tips) and noted at the other', () => {
    const article = mustParse(
      [
        '---',
        'title: T',
        'sections:',
        '  tips: [Advice, Do this]',
        '  skills: advice',
        '---',
        '',
        '## Advice',
        '',
        '- **A:** x.',
        '',
      ].join('\n'),
    );
    expect(Object.keys(article.sections)).toEqual(['skills']);
    expect(article.headingNotes).toEqual([
      {
        file: 'content/a.md',
        line: 4,
        field: 'sections',
        message:
          'tips: "Advice" is mapped to skills too, and a heading is one section: it is read as skills; map it to one kind',
      },
    ]);
    // One name twice under one kind says nothing.
    expect(
      mustParse(articleSource(validFront({ sections: { tips: ['Advice', 'advice'] } }), '## Advice\n\n- x'))
        .headingNotes,
    ).toBeUndefined();
  });

  it('GIVEN a heading outside the sections that names a kind (5 tips for new managers) THEN it is noted with what to write, not read as the section', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        [
          '## 5 tips for new managers',
          '',
          '- **Listen:** first.',
          '',
          '## Skills & tools',
          '',
          '- x',
          '',
          '## Tips',
          '',
          '- **Ask:** early.',
          '',
          '### More tips',
          '',
          'Inside the section: an item.',
        ].join('\n'),
      ),
    );
    expect(article.sections.tips?.items.map((item) => item.name)).toEqual(['Ask', 'More tips']);
    expect(article.sections.skills).toBeUndefined();
    expect(article.headingNotes).toEqual([
      {
        file: 'content/a.md',
        line: 8,
        field: 'tips',
        message:
          'the heading "5 tips for new managers" is not read as the tips section (headed "Tips"): to read it as one, write sections: { tips: "5 tips for new managers" } in the front matter',
      },
      {
        file: 'content/a.md',
        line: 12,
        field: 'skills',
        message:
          'the heading "Skills & tools" is not read as the skills section (headed "Skills"): to read it as one, write sections: { skills: "Skills & tools" } in the front matter',
      },
    ]);
    // Mapped as the note says: read as the section, and nothing said.
    const mapped = mustParse(
      articleSource(
        validFront({ sections: { tips: '5 tips for new managers' } }),
        '## 5 tips for new managers\n\n- **Listen:** first.',
      ),
    );
    expect(mapped.sections.tips?.items.map((item) => item.name)).toEqual(['Listen']);
    expect(mapped.headingNotes).toBeUndefined();
  });

  it("GIVEN sections a Hugo cascade gives, whose headings a post lacks THEN nothing is said: it names many posts' headings", () => {
    const result = parseArticle({
      file: 'content/posts/a.md',
      source: articleSource(validFront(), '## Tips\n\n- x'),
      hugo: true,
      cascade: { sections: { skills: 'What it takes' } },
    });
    expect(result.ok && result.article.headingNotes).toBeUndefined();
  });

  it('GIVEN sections mapping a default heading of one kind to another THEN the mapping wins over every default', () => {
    const article = mustParse(
      articleSource(
        validFront({ sections: { tips: 'Skills', motivations: ['Tips'] } }),
        '## Skills\n\n- Ask for feedback.\n\n## Tips\n\nBecause.',
      ),
    );
    expect(article.sections.tips?.items[0]?.text).toBe('Ask for feedback.');
    expect(article.sections.motivations?.text).toBe('Because.');
    expect(article.sections.skills).toBeUndefined();
  });

  it('GIVEN sub-headings inside a section THEN each is an item named by its heading', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\nLead-in.\n\n### Listen first\n\nAsk, then talk.\n\nReally.\n\n### Write things down\n\nNotes help.\n\n## Other\n\nNot a tip.',
      ),
    );
    const tips = article.sections.tips;
    expect(tips?.text).toBe('Lead-in.');
    expect(tips?.items).toEqual([
      { name: 'Listen first', text: 'Ask, then talk.\n\nReally.', line: 12 },
      { name: 'Write things down', text: 'Notes help.', line: 18 },
    ]);
  });

  it('GIVEN headings that each name a numbered tip (### Tip 1: …) under no Tips heading THEN they are the tips section, each an item with its number; a heading as high that names none ends it', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        [
          'Hiring is hard.',
          '',
          '### Tip 1: Write the job description last',
          'Decide first.',
          '',
          '### Tip #2 - Use a work sample',
          'Under two hours.',
          '',
          '### Conclusion',
          '',
          'Hire well.',
          '',
          '## Skill 1. Writing',
          '',
          'Write well.',
          '',
          '## Skills',
          '',
          '### Skill 2: Reading',
          '',
          'Read well.',
          '',
          '## Tip: Block focus time',
          '',
          'Mornings.',
          '',
          '### Why',
          '',
          'Deep work.',
        ].join('\n'),
      ),
    );
    expect(article.sections.tips?.heading).toBe('Tips');
    expect(article.sections.tips?.items.slice(0, 2)).toEqual([
      { name: 'Write the job description last', text: 'Decide first.', line: 10, number: 1 },
      { name: 'Use a work sample', text: 'Under two hours.', line: 13, number: 2 },
    ]);
    expect(article.sections.skills?.items.map(({ name, number }) => [name, number])).toEqual([
      ['Writing', 1],
      ['Reading', 2],
    ]);
    // `Tip:` without a number names its item too; a heading under it is its text, in bold.
    expect(article.sections.tips?.items[2]).toEqual({
      name: 'Block focus time',
      text: 'Mornings.\n\n**Why**\n\nDeep work.',
      line: 30,
    });
    expect(article.headingNotes).toBeUndefined();
  });

  it('GIVEN "Tip N:" headings whose names open in code, a link or bold, or a number alone THEN each is an item; over lists of named tips, the lists are their text; after a Tips heading of its own, they are no more tips', () => {
    const tips = (body: string[]) => mustParse(articleSource(validFront(), body.join('\n'))).sections.tips;
    expect(
      tips([
        '### Tip 1: `git bisect` finds bugs',
        'A.',
        '### Tip 2: [Read the docs](https://x.example)',
        'B.',
        '### Tip 3: **Commit often**',
        'C.',
        '### Tip 4',
        'D.',
      ])?.items.map(({ name, text, number }) => [name, text, number]),
    ).toEqual([
      ['git bisect finds bugs', 'A.', 1],
      ['Read the docs', 'B.', 2],
      ['Commit often', 'C.', 3],
      [undefined, 'D.', 4],
    ]);
    expect(
      tips([
        '### Tip 1: Prepare',
        '- **Research the company.** Read.',
        '- **Practice.** Out loud.',
        '### Tip 2: Follow up',
        '- **Send a thank-you.** Same day.',
      ])?.items.map(({ name, number }) => [name, number]),
    ).toEqual([
      ['Prepare', 1],
      ['Follow up', 2],
    ]);
    const apart = mustParse(
      articleSource(
        validFront(),
        ['## Tips', '', '- Be kind.', '', '## Interview process', '', '### Tip 1: Write it', '', 'W.'].join(
          '\n',
        ),
      ),
    );
    expect(apart.sections.tips?.items.map((item) => item.text)).toEqual(['Be kind.']);
  });

  it('GIVEN a section of a table alone (| Skill | Why it matters |) THEN each row below its head is an item named by its first cell, the others its text, named by their column where there are several', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        [
          '## Skills',
          '',
          '| Skill | Why it matters |',
          '| --- | --- |',
          '| **Delegation** | You can’t review every PR[^1] |',
          '|  | Unnamed. |',
          '',
          '## Tips',
          '',
          '| Tip | When | Why |',
          '|-----|------|-----|',
          '| Ask early | Week 1 | Trust |',
          '| Listen | | Always |',
          '',
          '## Motivations',
          '',
          '| One column |',
          '| --- |',
          '| Text |',
          '',
          '[^1]: Gallup, 2019.',
        ].join('\n'),
      ),
    );
    expect(article.sections.skills?.items).toEqual([
      // The note its row cites, and no other row's.
      { name: 'Delegation', text: 'You can’t review every PR¹\n\n¹ Gallup, 2019.', line: 12 },
      { text: 'Unnamed.', line: 13 },
    ]);
    expect(article.sections.tips?.items.map(({ name, text, line }) => [name, text, line])).toEqual([
      ['Ask early', 'When: Week 1\n\nWhy: Trust', 19],
      ['Listen', 'Why: Always', 20],
    ]);
    // A table of one column names nothing: text.
    expect(article.sections.motivations?.items).toEqual([]);
    expect(article.sections.motivations?.text).toBe('One column\nText');
    // Nor one whose first column is headed otherwise (`| Do | Don't |`, `| # | Tip |`): it would
    // read a "don't" as advice, or a number as a name.
    const other = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n| Do | Don’t |\n| --- | --- |\n| Praise in public | Criticize in public |\n\n## Skills\n\n| # | Skill |\n|---|---|\n| 1 | Writing |',
      ),
    );
    expect(other.sections.tips?.items).toEqual([]);
    expect(other.sections.tips?.text).toBe('Do | Don’t\nPraise in public | Criticize in public');
    expect(other.sections.skills?.items).toEqual([]);
  });

  it('GIVEN a section of paragraphs that open with bold THEN each is an item named by its bold phrase, the paragraphs after it its text', () => {
    const body = [
      '## Tips',
      '',
      'A few things.',
      '',
      '**Seek mentorship.** Find someone two steps ahead of you.',
      '',
      'Meet monthly.',
      '',
      '**Read widely:** Books outside engineering help.',
      '',
      '***Rest.*** Sleep well.',
      '',
      '---',
      '',
      '**Be patient**',
      '',
      '## Motivations',
      '',
      '**Growth.** You learn *fast*.',
      '',
      '## Other',
      '',
      '**Not a tip.** Outside the sections.',
    ];
    const { sections } = mustParse(articleSource(validFront(), body.join('\n')));
    expect(sections.tips?.text).toBe('A few things.');
    expect(sections.tips?.items).toEqual([
      { name: 'Seek mentorship', text: 'Find someone two steps ahead of you.\n\nMeet monthly.', line: 12 },
      { name: 'Read widely', text: 'Books outside engineering help.', line: 16 },
      { name: 'Rest', text: 'Sleep well.', line: 18 },
      // Bold alone, with nothing after it, is a tip written in bold, as in a list.
      { text: '**Be patient**', line: 22 },
    ]);
    // One paragraph alone opening in bold is the section's text, not an item.
    expect(sections.motivations).toMatchObject({ text: '**Growth.** You learn *fast*.', items: [] });
  });

  it('GIVEN bold names ended by their line, a dash, a quote or a full stop after them THEN items; titled alerts THEN an item each', () => {
    const tips = (body: string) =>
      mustParse(articleSource(validFront(), `## Tips\n\n${body}`)).sections.tips?.items.map(
        ({ name, text }) => [name, text],
      );
    // The text on the next line: a soft break, a hard break, `<br>`.
    expect(tips('**Seek mentorship**\nFind a mentor.\n\n**Read widely**\nRead books.')).toEqual([
      ['Seek mentorship', 'Find a mentor.'],
      ['Read widely', 'Read books.'],
    ]);
    expect(tips('**One**  \nFirst.\n\n**Two**<br>Second.')).toEqual([
      ['One', 'First.'],
      ['Two', 'Second.'],
    ]);
    expect(tips('**Rest —** sleep well.\n\n**"Ship it."** Then iterate.\n\n**Walk**. Daily.')).toEqual([
      ['Rest', 'sleep well.'],
      ['"Ship it."', 'Then iterate.'],
      ['Walk', 'Daily.'],
    ]);
    // A titled alert is a box of its own, named by its title (see "admonition boxes in a section").
    const alerts = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- Ask.\n\n## Skills\n\n> [!NOTE] Why?\n> Because.\n\n> [!NOTE] How?\n> Like so.',
      ),
    ).sections.skills;
    expect(alerts?.items.map(({ name, text }) => [name, text])).toEqual([
      ['Why?', 'Because.'],
      ['How?', 'Like so.'],
    ]);
  });

  describe('admonition boxes in a section', () => {
    const section = (body: string, file?: string) =>
      mustParse(articleSource(validFront(), body), file).sections;
    const named = (items: readonly { name?: string; text: string; number?: number }[] | undefined) =>
      items?.map(({ name, text, number }) => [number, name, text]);

    it('GIVEN LoveIt\'s admonitions under Tips, titled "Tip N:" or not THEN one item each, numbered and named by its title', () => {
      const body = [
        '## Tips',
        '',
        '{{< admonition tip "Tip 1: Let them set the agenda" >}}',
        "It's *their* meeting.",
        '{{< /admonition >}}',
        '',
        '{{< admonition type=tip title="Tip 2: Never cancel, reschedule" open=false >}}',
        'Cancelling tells people they matter less.',
        '{{< /admonition >}}',
        '',
        '{{% admonition tip "Ask about career" true %}}',
        'Once a month.',
        '{{% /admonition %}}',
      ].join('\n');
      const result = parseArticle({ file: 'content/posts/a.md', source: articleSource(validFront(), body) });
      assert(result.ok);
      // No text of the section's own (content:check said "Tips has text but no tip").
      expect(result.article.sections.tips?.text).toBe('');
      expect(named(result.article.sections.tips?.items)).toEqual([
        [1, 'Let them set the agenda', "It's *their* meeting."],
        [2, 'Never cancel, reschedule', 'Cancelling tells people they matter less.'],
        [undefined, 'Ask about career', 'Once a month.'],
      ]);
      expect(result.article.sections.tips?.items[0]?.line).toBe(10);
    });

    it("GIVEN tips in Chirpy's prompts (a quote, then `{: .prompt-tip }`) THEN one item each, named by its bold", () => {
      const tips = section(
        [
          '## Tips',
          '',
          '> **Let them set the agenda.** It is their meeting, not yours.',
          '{: .prompt-tip }',
          '',
          '> **Never cancel, reschedule.** Cancelling tells them they are not a priority.',
          '{: .prompt-tip }',
          '',
          '## Skills',
          '',
          '- **Listening:** hear it.',
          '',
          '> **Note:** practice.',
          '{: .notice--info}',
        ].join('\n'),
        'content/_posts/2024-01-08-a.md',
      );
      expect(named(tips.tips?.items)).toEqual([
        [undefined, 'Let them set the agenda', 'It is their meeting, not yours.'],
        [undefined, 'Never cancel, reschedule', 'Cancelling tells them they are not a priority.'],
      ]);
      expect(tips.tips?.text).toBe('');
      // After a list, text after its items, as the page shows the box: no quote, no class.
      expect(tips.skills?.interludes).toEqual([{ after: 0, text: '**Note:** practice.' }]);
    });

    it('GIVEN tips in `:::tip` boxes and a titled box of another kind THEN that box is text after them, unless its title numbers it', () => {
      const tips = (closing: string) =>
        section(
          [
            '## Tips',
            '',
            ':::tip Tip 1: Let them set the agenda',
            'It is their meeting.',
            ':::',
            '',
            '> [!TIP] Take notes',
            '> Write down what you promised.',
            '',
            closing,
          ].join('\n'),
        ).tips;
      const takeaway = tips(':::note Key takeaway\nOne-on-ones are for them.\n:::');
      expect(named(takeaway?.items)).toEqual([
        [1, 'Let them set the agenda', 'It is their meeting.'],
        [undefined, 'Take notes', 'Write down what you promised.'],
      ]);
      expect(takeaway?.interludes).toEqual([
        { after: 1, text: '**Key takeaway**\nOne-on-ones are for them.' },
      ]);
      // Numbered as a tip, a warning box is the third tip.
      expect(named(tips(':::warning Tip 3: Never cancel\nReschedule.\n:::')?.items)).toEqual([
        [1, 'Let them set the agenda', 'It is their meeting.'],
        [undefined, 'Take notes', 'Write down what you promised.'],
        [3, 'Never cancel', 'Reschedule.'],
      ]);
      // As many of each kind: no kind is the tips', each box is one.
      expect(
        named(section('## Tips\n\n:::tip Ask\nOften.\n:::\n\n:::note Listen\nMore.\n:::').tips?.items),
      ).toEqual([
        [undefined, 'Ask', 'Often.'],
        [undefined, 'Listen', 'More.'],
      ]);
    });

    // The regression hunt's: a tip's example or caveat is in a box under its heading (LoveIt's habit).
    it("GIVEN a titled admonition under a tip's heading THEN part of that tip, as the page shows it", () => {
      const body = [
        '### Tip #1 - Say no to the idea',
        '',
        'Frame it around priorities.',
        '',
        '### Tip #2 - Offer a trade',
        '',
        '"I can do X if we drop Y."',
        '',
        '{{< admonition question "What about my boss?" false >}}',
        'Same rules, more context.',
        '{{< /admonition >}}',
      ].join('\n');
      const tips = section(body).tips;
      expect(named(tips?.items)).toEqual([
        [1, 'Say no to the idea', 'Frame it around priorities.'],
        [
          2,
          'Offer a trade',
          '"I can do X if we drop Y."\n\n**What about my boss?**\nSame rules, more context.',
        ],
      ]);
      // A box in the middle of a tip keeps the tip's text after it in the tip.
      const middle = section(
        '## Tips\n\n### Lead with the answer\n\nFirst line.\n\n> [!TIP]\n> Try BLUF.\n\nThen context.\n\n### Next\n\nMore.',
      ).tips;
      expect(named(middle?.items)).toEqual([
        [undefined, 'Lead with the answer', 'First line.\n\n**Tip**\nTry BLUF.\n\nThen context.'],
        [undefined, 'Next', 'More.'],
      ]);
    });

    it("GIVEN Docusaurus's titled admonitions and GitHub's titled alerts THEN items as bold-named paragraphs are; an untitled one after them THEN text between them", () => {
      const docusaurus = section(
        [
          '## Tips',
          '',
          ':::tip[Keep a brag document]',
          'Write down your wins weekly.',
          ':::',
          '',
          ':::tip[Find a sponsor]',
          'A sponsor argues for you.',
          ':::',
          '',
          ':::warning',
          "Don't chase the title.",
          ':::',
        ].join('\n'),
        'content/a.mdx',
      ).tips;
      const expected = [
        [undefined, 'Keep a brag document', 'Write down your wins weekly.'],
        [undefined, 'Find a sponsor', 'A sponsor argues for you.'],
      ];
      expect(named(docusaurus?.items)).toEqual(expected);
      expect(docusaurus?.interludes).toEqual([{ after: 1, text: "**Warning**\nDon't chase the title." }]);
      const alerts = section(
        [
          '## Tips',
          '',
          '> [!TIP] Keep a brag document',
          '> Write down your wins weekly.',
          '',
          '> [!TIP] Find a sponsor',
          '> A sponsor argues for you.',
        ].join('\n'),
      ).tips;
      expect(named(alerts?.items)).toEqual(expected);
      // As the same text written without the boxes reads.
      const bold = section(
        '## Tips\n\n**Keep a brag document**\nWrite down your wins weekly.\n\n**Find a sponsor**\nA sponsor argues for you.',
      ).tips;
      expect(named(bold?.items)).toEqual(expected);
    });

    it('GIVEN untitled boxes THEN read as their text would be: bold names make items where two or more do, else text, never glued to an item', () => {
      const untitled = (text: string) => `> [!TIP]\n> ${text.split('\n').join('\n> ')}`;
      const two = section(
        `## Tips\n\n${untitled('**Ask early**\nBefore it is late.')}\n\n${untitled('**Rest**\nSleep well.')}`,
      ).tips;
      expect(named(two?.items)).toEqual([
        [undefined, 'Ask early', 'Before it is late.'],
        [undefined, 'Rest', 'Sleep well.'],
      ]);
      // One alone, as one bold paragraph alone, is the section's text.
      const one = section(`## Tips\n\n${untitled('**Ask early**\nBefore it is late.')}`).tips;
      expect(one).toMatchObject({ items: [], text: '**Tip**\n**Ask early** Before it is late.' });
      // Under a tip's heading, part of that tip, as the page shows it.
      const headed = section(`## Tips\n\n### Ask\n\nEarly.\n\n${untitled('Mind the gap.')}`).tips;
      expect(named(headed?.items)).toEqual([[undefined, 'Ask', 'Early.\n\n**Tip**\nMind the gap.']]);
      // Its list's items are items, as before.
      const listed = section('## Tips\n\n:::tip\n- One\n- Two\n:::').tips;
      expect(listed).toMatchObject({ text: '**Tip**', items: [{ text: 'One' }, { text: 'Two' }] });
    });

    it('GIVEN titled boxes above a list, between its items, in a list item, titled alone or "Skill 1:" under Tips THEN each read where it is', () => {
      // Above the section's list: its lead-in.
      const lead = section(
        ':::note[Heads up]\nRead them all.\n:::\n\n- One'.replace(/^/, '## Tips\n\n'),
      ).tips;
      expect(lead).toMatchObject({ text: '**Heads up**\nRead them all.', items: [{ text: 'One' }] });
      // After the first item: an aside between the items.
      const after = section('## Tips\n\n- One\n\n:::tip[Two]\nSecond.\n:::\n\n- Three').tips;
      expect(named(after?.items)).toEqual([
        [undefined, undefined, 'One'],
        [undefined, undefined, 'Three'],
      ]);
      expect(after?.interludes).toEqual([{ after: 0, text: '**Two**\nSecond.' }]);
      // In a list item: that item's text.
      const inItem = section('## Tips\n\n- **Ask:** early.\n\n  > [!TIP] Why\n  > It helps.\n- Rest').tips;
      expect(named(inItem?.items)).toEqual([
        [undefined, 'Ask', 'early.\n\n**Why**\nIt helps.'],
        [undefined, undefined, 'Rest'],
      ]);
      // A title alone is the tip; another kind's "Skill 1:" is its name as written.
      const alone = section('## Tips\n\n> [!TIP] Ask early\n\n> [!TIP] Skill 1: Rest\n> Sleep.').tips;
      expect(named(alone?.items)).toEqual([
        [undefined, undefined, 'Ask early'],
        [undefined, 'Skill 1: Rest', 'Sleep.'],
      ]);
    });

    it('GIVEN boxes outside the sections THEN no section, and the summary skips their titles, as before', () => {
      const front = validFront();
      delete front.summary;
      const article = mustParse(
        articleSource(
          front,
          '{{< admonition type=note title="Who this is for" >}}\nNew managers.\n{{< /admonition >}}\n\n## Closing\n\n:::tip[Try it]\nThis week.\n:::\n\n## Tips\n\n- One',
        ),
      );
      expect(article.summary).toBe('New managers.');
      expect(Object.keys(article.sections)).toEqual(['tips']);
      expect(named(article.sections.tips?.items)).toEqual([[undefined, undefined, 'One']]);
    });
  });

  it('GIVEN a heading or a setext underline inside a GitHub alert THEN the section goes on, the heading in bold', () => {
    const sections = (body: string) => mustParse(articleSource(validFront(), body)).sections;
    expect(
      sections('## Motivations\n\n> [!TIP]\n> ## Mistakes\n> Avoid them.\n\n## Tips\n\n- x').motivations
        ?.text,
    ).toBe('**Tip**\n**Mistakes**\nAvoid them.');
    const tips = sections('## Tips\n\n- Ask.\n\n> [!NOTE]\n> Remember\n> ---\n> the basics.').tips;
    expect(tips?.items).toEqual([{ text: 'Ask.', line: 10 }]);
    expect(tips?.interludes?.[0]?.text).toMatch(/Remember \\?-+ the basics\./);
  });

  it('GIVEN prose opening with a bold word, or one note in bold THEN it stays the section text, not items', () => {
    const section = (kind: string, body: string) =>
      mustParse(articleSource(validFront(), `## ${kind}\n\n${body}\n\n## Tips\n\n- x`)).sections;
    expect(
      section('Motivations', '**Every** engineer hits a plateau.\n\n**Most** of us push through it.')
        .motivations,
    ).toMatchObject({
      items: [],
      text: '**Every** engineer hits a plateau.\n\n**Most** of us push through it.',
    });
    expect(
      mustParse(
        articleSource(validFront(), '## Tips\n\n**Note:** these tips assume you lead a team.\n\nGood luck!'),
      ).sections.tips,
    ).toMatchObject({ items: [], text: '**Note:** these tips assume you lead a team.\n\nGood luck!' });
    // A separator after the bold ends the name as a colon in it does.
    expect(
      section('Skills', '**Listening** — hear them out.\n\n**Writing**: keep it short.').skills?.items,
    ).toEqual([
      { name: 'Listening', text: 'hear them out.', line: 10 },
      { name: 'Writing', text: 'keep it short.', line: 12 },
    ]);
  });

  it('GIVEN a section with a list or sub-headings THEN its paragraphs that open with bold stay its text, as before', () => {
    const section = (body: string) =>
      mustParse(articleSource(validFront(), `## Tips\n\n${body}`)).sections.tips;
    expect(section('**Note:** these are mine.\n\n- First tip.')).toMatchObject({
      text: '**Note:** these are mine.',
      items: [{ text: 'First tip.' }],
    });
    expect(section('**Note:** mine.\n\n### One\n\nText.')).toMatchObject({
      text: '**Note:** mine.',
      items: [{ name: 'One', text: 'Text.' }],
    });
    // Bold later in a paragraph names nothing.
    expect(section('Read *this* **now**.')).toMatchObject({ text: 'Read *this* **now**.', items: [] });
  });

  it('GIVEN ordered lists and numbered sub-headings THEN each item has the number the article shows, whatever is left out', () => {
    const tips = (body: string) =>
      mustParse(articleSource(validFront(), `## Tips\n\n${body}`), 'content/a.mdx').sections.tips?.items.map(
        (item) => [item.number, item.name ?? item.text],
      );
    // A list from 3, one numbered `1.` throughout, one with `)`, and an item left out (a video on the page).
    expect(tips('3. **Ask:** first\n4. Listen')).toEqual([
      [3, 'Ask'],
      [4, 'Listen'],
    ]);
    expect(tips('1. a\n1. b\n1. c')).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(tips('1) a\n2) <Video id="x" />\n3) c\n\n- bullet')).toEqual([
      [1, 'a'],
      [3, 'c'],
      [undefined, 'bullet'],
    ]);
    // A sub-heading's number is no part of its name, nor of the text of one with nothing under it.
    expect(
      tips(
        '### 1. Seek mentorship\n\nFind one.\n\n### 2) **Be patient**\n\n### 3.\n\nx\n\n### 2024 in review\n\ny',
      ),
    ).toEqual([
      [1, 'Seek mentorship'],
      [2, '**Be patient**'],
      [3, 'x'],
      [undefined, '2024 in review'],
    ]);
    // `### 3.` with nothing after the number names nothing: an item numbered 3 ("Tip 3"), empty if nothing is under it.
    const items = mustParse(articleSource(validFront(), '## Tips\n\n### 3.\n\nx\n\n### 4)\n\ny')).sections
      .tips?.items;
    expect(items?.map(({ name, number, text }) => ({ name, number, text }))).toEqual([
      { name: undefined, number: 3, text: 'x' },
      { name: undefined, number: 4, text: 'y' },
    ]);
    const empty = parseArticle({
      file: 'content/a.md',
      source: articleSource(validFront(), '## Tips\n\n### 3.\n'),
    });
    // Its line once, where every problem has it.
    expect(empty.ok ? [] : empty.problems.map((problem) => formatProblem(problem))).toEqual([
      'content/a.md:10: tips: the item is empty: write its text, or remove the item',
    ]);
  });

  it("GIVEN a wrong front matter field and a problem in the body THEN both are said at once, the body read by the front matter's sections", () => {
    const problems = (source: string): string[] => {
      const result = parseArticle({ file: 'content/a.md', source });
      return result.ok ? [] : result.problems.map((problem) => formatProblem(problem));
    };
    expect(problems('---\ntitle: A\ndate: 2024-02-30\n---\n## Tips\n\n- \n- fine\n')).toEqual([
      expect.stringMatching(/^content\/a\.md:3: date: /) as string,
      'content/a.md:7: tips: the item is empty: write its text, or remove the item',
    ]);
    // Read by its `sections` when they are right: `## Advice` is the tips.
    expect(problems('---\ntitle: A\ndate: soon\nsections: { tips: Advice }\n---\n## Advice\n\n- \n')).toEqual(
      [
        expect.stringMatching(/^content\/a\.md:3: date: /) as string,
        'content/a.md:8: tips: the item is empty: write its text, or remove the item',
      ],
    );
    // A problem found past the fields (an address too long) says the body's too.
    expect(
      problems(`---\ntitle: A\nurl: https://blog.example/${'x'.repeat(600)}\n---\n## Tips\n\n- \n`),
    ).toEqual([
      expect.stringMatching(/^content\/a\.md:3: url: /) as string,
      'content/a.md:7: tips: the item is empty: write its text, or remove the item',
    ]);
    // Nothing wrong in the body: the front matter's problem alone, as before.
    expect(problems('---\ntitle: A\ndate: soon\n---\n## Tips\n\n- fine\n')).toEqual([
      expect.stringMatching(/^content\/a\.md:3: date: /) as string,
    ]);
  });

  it('GIVEN "**Name**: text" and "Name: text" items THEN both give a name and a text', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Skills\n\n- **Grit**: keep going\n- Focus: one thing\n- Plain item, no name.',
      ),
    );
    expect(article.sections.skills?.items.map((item) => [item.name, item.text])).toEqual([
      ['Grit', 'keep going'],
      ['Focus', 'one thing'],
      [undefined, 'Plain item, no name.'],
    ]);
  });

  it('GIVEN headings with attribute lists (kramdown, goldmark) THEN they are read without them: sections, headings shown, item names', () => {
    const article = mustParse(
      articleSource(
        validFront({ sections: { tips: 'Advice' } }),
        [
          '## Skills {#skills .wide}',
          '',
          '- **Grit:** keep going',
          '',
          '## Advice {#advice}',
          '',
          '### Seek out mentorship {#mentor}',
          '',
          'Find a mentor.',
          '',
          'Motivations {#why}',
          '---',
          '',
          'Because.',
        ].join('\n'),
      ),
    );
    expect(article.sections.skills).toMatchObject({ heading: 'Skills', line: 9 });
    expect(article.sections.tips).toMatchObject({
      heading: 'Advice',
      line: 13,
      items: [{ name: 'Seek out mentorship', text: 'Find a mentor.', line: 15 }],
    });
    expect(article.sections.motivations).toMatchObject({ heading: 'Motivations', text: 'Because.' });
  });

  it("GIVEN kramdown's IALs, ALDs and comments THEN they are left out, and problems name the file's real lines", () => {
    const body = (item: string) =>
      [
        '## Tips {#tips}',
        '',
        '{::comment}',
        '- **Hidden:** tip',
        '{:/comment}',
        '- **Ask:**{: .term} for help',
        item,
        '{: .checklist}',
        'After the list.',
        '{:.note}',
      ].join('\n');
    expect(problemsOf(articleSource(validFront(), body('- {: .empty}')))).toEqual([
      {
        file: 'content/bad.md',
        line: 14,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    const tips = mustParse(articleSource(validFront(), body('- {: .last} Listen.'))).sections.tips;
    expect(tips?.items).toEqual([
      { name: 'Ask', text: 'for help', line: 13 },
      { text: 'Listen.', line: 14 },
    ]);
    expect(tips?.interludes).toEqual([{ after: 1, text: 'After the list.' }]);
  });

  it('GIVEN a rule (---) between two lists of a section THEN it separates them and is no text after an item', () => {
    const tips = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- Ask for help.\n\n---\n\n- Listen.\n\n***\n\nAfter the lists.\n',
      ),
    ).sections.tips;
    expect(tips?.items.map(({ text }) => text)).toEqual(['Ask for help.', 'Listen.']);
    expect(tips?.interludes).toEqual([{ after: 1, text: 'After the lists.' }]);
  });

  it('GIVEN a relative link THEN it points at SITE_URL; without SITE_URL only its text is kept', () => {
    const source = articleSource(
      validFront(),
      '## Tips\n\n- **Read:** [more](/blog?tag=x) and [Meta](https://meta.example/a).',
    );
    expect(mustParse(source).sections.tips?.items[0]?.text).toBe(
      '[more](https://blog.example/blog?tag=x) and [Meta](https://meta.example/a).',
    );
    const bare = parseArticle({ file: 'a.md', source });
    expect(bare.ok && bare.article.sections.tips?.items[0]?.text).toBe(
      'more and [Meta](https://meta.example/a).',
    );
    expect(bare.ok && bare.article.url).toBeUndefined();
  });

  it("GIVEN a Jekyll post's media_subpath (Chirpy's; img_path before) THEN its images without a scheme are there, as Chirpy's layout links them; links are not", () => {
    const tip = (front: Record<string, unknown>, file = 'site/_posts/2024-01-05-a.md') =>
      mustParse(
        articleSource(
          validFront(front),
          '## Tips\n\n- **Map:** ![map](streams.png), ![b](/b.png), ![c](https://x.example/c.png), [doc](d.pdf).',
        ),
        file,
      ).sections.tips?.items[0]?.text;
    const text = tip({ media_subpath: '/assets/img/posts/topologies/' });
    expect(text).toContain('[map](https://blog.example/assets/img/posts/topologies/streams.png), ');
    expect(text).toContain('[b](https://blog.example/assets/img/posts/topologies/b.png), ');
    expect(text).toContain('[c](https://x.example/c.png), ');
    // A link is relative to the post's page (ARTICLE_URL's /blog/:slug here), as any.
    expect(text).toContain('[doc](https://blog.example/blog/d.pdf)');
    expect(text).not.toContain('topologies/d.pdf');
    expect(tip({ img_path: '/img' })).toContain('[map](https://blog.example/img/streams.png)');
    // Not a Jekyll post's: as written.
    expect(tip({ media_subpath: '/img' }, 'content/a.md')).toContain('[b](https://blog.example/b.png)');
  });

  it('GIVEN images and raw HTML THEN an image becomes a link to it, a comment is left out, inline elements read as Markdown, the text of HTML blocks kept', () => {
    const source = articleSource(
      validFront(),
      '## Tips:\n\n<!-- draft -->\n<div class="note">aside</div>\n\n- **Look:** ![a chart](/c.png) and <kbd>Ctrl</kbd> ![](https://x.example/i.png)',
    );
    const tips = mustParse(source).sections.tips;
    expect(tips?.heading).toBe('Tips');
    expect(tips?.text).toBe('aside');
    expect(tips?.items[0]?.text).toBe(
      '[a chart](https://blog.example/c.png) and `Ctrl` [image](https://x.example/i.png)',
    );
  });

  it('GIVEN brackets or quotes that held only HTML, an image without alt text or a template tag THEN they go too, one space with them; those written empty or in code stay', () => {
    const body = [
      '## Tips',
      '',
      '- Markdown tip (<img src="x.png">) here',
      '- See ("{{< ref "x.md" >}}"), [<span></span>] and “<br>” then',
      '- x (<img src="a.png">)**b** and *y (<img src="a.png">)* z (<b></b>).',
      '- f() and "" stay, `(<img src="a.png">)` too, and (<b>kept</b>)',
      '- A chart (![](/c.png)) is a link',
    ].join('\n');
    const result = parseArticle({
      file: 'a.md',
      source: articleSource(validFront({ summary: 'Read (<img src="x.png">) this.' }), body),
      siteUrl: 'https://blog.example',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.sections.tips?.items.map((item) => item.text)).toEqual([
      'Markdown tip here',
      'See, and then',
      'x **b** and *y* z.',
      'f() and "" stay, `(<img src="a.png">)` too, and (**kept**)',
      'A chart ([image](https://blog.example/c.png)) is a link',
    ]);
    expect(result.article.summary).toBe('Read this.');
    // A heading's and an item's name too; a code span's stay.
    const named = mustParse(
      articleSource(
        validFront(),
        '## Tips (<img src="x.png">)\n\n- **Name (<b></b>):** a\n- **Code `(<b></b>)`:** b',
      ),
    ).sections.tips;
    expect(named?.heading).toBe('Tips');
    expect(named?.items.map((item) => item.name)).toEqual(['Name', 'Code (<b></b>)']);
    // Search reads them so too: an image without alt text is no word there.
    const lines = result.searchText?.split('\n').filter((line) => line !== '');
    expect(lines?.slice(-5)).toEqual([
      'Markdown tip here',
      'See, and then',
      'x b and y z.',
      'f() and "" stay, (<img src="a.png">) too, and (kept)',
      'A chart is a link',
    ]);
  });

  it('GIVEN a summary with a relative link THEN it points at SITE_URL', () => {
    const article = mustParse(
      articleSource(validFront({ summary: 'See [the guide](/guide).' }), '## Tips\n\n- x'),
    );
    expect(article.summary).toBe('See [the guide](https://blog.example/guide).');
  });

  it("GIVEN a summary with a link relative to the page THEN it leads where it leads from the article's address, as in the body", () => {
    const summary = 'See [the tips](#tips), [the next](../next/) and ![the cover](cover.png).';
    const article = mustParse(
      articleSource(validFront({ url: '/blog/an-article/', summary }), '[Body](#tips)\n\n## Tips\n\n- x'),
    );
    expect(article.summary).toBe(
      'See [the tips](https://blog.example/blog/an-article/#tips), [the next](https://blog.example/blog/next/) and [the cover](https://blog.example/blog/an-article/cover.png).',
    );
  });

  it('GIVEN a title, tag or summary that YAML reads as a number THEN it is kept as text', () => {
    const article = mustParse(
      '---\ntitle: 1984\ntags: [2024, career]\nurl: /x\nsummary: 42\n---\n## Tips\n- x\n',
    );
    expect([article.title, article.tags, article.summary]).toEqual(['1984', ['2024', 'career'], '42']);
  });

  it('GIVEN a title and a tag over several lines THEN each becomes one line', () => {
    const article = mustParse(
      '---\ntitle: |\n  Leading\n  [well]\ntags:\n  - "engineering\\n  leadership"\nurl: /x\nsummary: S\n---\n## Tips\n- x\n',
    );
    expect(article.title).toBe('Leading [well]');
    expect(article.tags).toEqual(['engineering leadership']);
  });

  it('GIVEN no slug THEN the file name is the slug', () => {
    expect(mustParse(articleSource(validFront(), '## Tips\n\n- x'), 'content/sub/my-post.md').slug).toBe(
      'my-post',
    );
    expect(
      mustParse(articleSource(validFront(), '## Tips\n\n- x'), 'content/Ünïcode & My Post!.MD').slug,
    ).toBe('unicode-my-post');
    expect(problemsOf(articleSource(validFront(), '## Tips\n\n- x'), 'content/✨.md')).toEqual([
      {
        file: 'content/✨.md',
        line: 1,
        field: 'slug',
        message: 'none given, and the file name has no letters or digits to make one from',
      },
    ]);
  });

  it('GIVEN a quoted date or a YAML date THEN keeps the day', () => {
    expect(mustParse(articleSource(validFront({ date: '2024-03-05' }), '## Tips\n\n- x')).date).toBe(
      '2024-03-05',
    );
    expect(
      mustParse('---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\ndate: 2023-12-31\n---\n## Tips\n- x\n').date,
    ).toBe('2023-12-31');
  });
});

describe("real blogs' file names and front matter", () => {
  /** Parses a post with this front matter (no url, title or summary unless given) at `file`. */
  const parse = (
    front: Record<string, unknown>,
    file: string,
    articleUrl?: string,
  ): ReturnType<typeof parseArticle> =>
    parseArticle({
      file,
      source: articleSource({ tags: ['a'], ...front }, '## Tips\n\n- x'),
      siteUrl: 'https://blog.example',
      articleUrl,
    });
  const article = (front: Record<string, unknown>, file: string, articleUrl?: string) => {
    const result = parse(front, file, articleUrl);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.article;
  };
  const keyAndUrl = (front: Record<string, unknown>, file: string, articleUrl?: string) => {
    const { slug, url } = article(front, file, articleUrl);
    return [slug, url];
  };

  it('GIVEN file names in other scripts than Latin THEN their letters make the slug, lowercased where they have case', () => {
    expect(keyAndUrl({ title: 'T' }, 'content/posts/привет-мир.md')).toEqual([
      'привет-мир',
      'https://blog.example/blog/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82-%D0%BC%D0%B8%D1%80',
    ]);
    const japanese = article({ title: 'T' }, 'content/_posts/2024-01-09-日本語の記事.md', '/:year/:slug/');
    expect([japanese.slug, japanese.date, japanese.url]).toEqual([
      '日本語の記事',
      '2024-01-09',
      `https://blog.example/2024/${encodeURIComponent('日本語の記事')}/`,
    ]);
    expect(article({ title: 'T' }, 'content/Привет, Мир!.md').slug).toBe('привет-мир');
    // Kana with their voicing marks, and Hangul, are whole again after the accents are taken off Latin letters.
    expect(article({ title: 'T' }, 'content/ガイド 한국어.md').slug).toBe('ガイド-한국어');
    expect(article({ title: 'T' }, 'content/हिन्दी लेख.md').slug).toBe('हिन्दी-लेख');
    // Accented Latin letters are folded as before.
    expect(article({ title: 'T' }, 'content/Ünïcödé Fïlé.md').slug).toBe('unicode-file');
    // At most 64 characters, however many the name has.
    expect(article({ title: 'T' }, `content/${'漢'.repeat(70)}.md`).slug).toBe('漢'.repeat(64));
  });

  it('GIVEN SLUG_PATTERN THEN letters and digits of any script, lowercase where cased, in words joined by single hyphens', () => {
    for (const slug of ['my-post', 'привет-мир', '日本語の記事', 'हिन्दी-लेख', 'post-2024', 'ß'])
      expect(SLUG_PATTERN.test(slug), slug).toBe(true);
    for (const slug of ['My-post', 'Привет', 'a--b', '-a', 'a-', 'a_b', 'a b', '', '✨'])
      expect(SLUG_PATTERN.test(slug), slug).toBe(false);
  });

  it('GIVEN a slug not in the form of a key THEN accepted: the key is made from it, the address uses it as written', () => {
    expect(keyAndUrl({ title: 'T', slug: 'Why-I-Left' }, 'content/a.md')).toEqual([
      'why-i-left',
      'https://blog.example/blog/Why-I-Left',
    ]);
    expect(keyAndUrl({ title: 'T', slug: 'my_post' }, 'content/a.md', '/posts/:title/')).toEqual([
      'my-post',
      'https://blog.example/posts/my_post/',
    ]);
    expect(keyAndUrl({ title: 'T', slug: 'エンジニアリングマネージャー' }, 'content/a.md')).toEqual([
      'エンジニアリングマネージャー',
      `https://blog.example/blog/${encodeURIComponent('エンジニアリングマネージャー')}`,
    ]);
    // Made one path segment, as the other tokens are.
    expect(keyAndUrl({ title: 'T', slug: 'a/b c' }, 'content/a.md', '/blog/:slug/')).toEqual([
      'a-b-c',
      'https://blog.example/blog/a%2Fb%20c/',
    ]);
    // Hugo's own tokens make it a path as Hugo does (urlize: lowercased, spaces hyphens, `/` kept).
    expect(keyAndUrl({ title: 'T', slug: 'a/b c' }, 'content/a.md', '/:slugorfilename/')).toEqual([
      'a-b-c',
      'https://blog.example/a/b-c/',
    ]);
    expect(article({ title: 'T', slug: 2024 }, 'content/a.md').slug).toBe('2024');
    // A long one: the key is cut to 64 characters, the address keeps it whole.
    const long = `${'word-'.repeat(20)}end`;
    const [key, url] = keyAndUrl({ title: 'T', slug: long }, 'content/a.md');
    expect([key?.length, url]).toEqual([64, `https://blog.example/blog/${long}`]);
  });

  it("GIVEN a post in Jekyll's _posts THEN :title keeps the name's case, dots, underscores and letters as Jekyll's pretty slugify does, :slug is its default slugify", () => {
    const urls = (name: string, front: Record<string, unknown> = {}) =>
      ['/:year/:title/', '/:year/:slug/'].map(
        (pattern) => article({ title: 'T', ...front }, `site/_posts/2024-01-05-${name}.md`, pattern).url,
      );
    expect(urls('Hello-World')).toEqual([
      'https://blog.example/2024/Hello-World/',
      'https://blog.example/2024/hello-world/',
    ]);
    expect(urls('node.js-tips')).toEqual([
      'https://blog.example/2024/node.js-tips/',
      'https://blog.example/2024/node-js-tips/',
    ]);
    expect(urls('café-au-lait')).toEqual([
      'https://blog.example/2024/caf%C3%A9-au-lait/',
      'https://blog.example/2024/caf%C3%A9-au-lait/',
    ]);
    expect(urls('My Post')).toEqual([
      'https://blog.example/2024/My-Post/',
      'https://blog.example/2024/my-post/',
    ]);
    expect(urls('under_score (v2)!')).toEqual([
      'https://blog.example/2024/under_score-(v2)!/',
      'https://blog.example/2024/under-score-v2/',
    ]);
    // The front matter's slug takes the name's place.
    expect(urls('x', { slug: 'My Own.Slug' })).toEqual([
      'https://blog.example/2024/My-Own.Slug/',
      'https://blog.example/2024/my-own-slug/',
    ]);
    // A pattern with a token only Jekyll has reads :slug as Jekyll does wherever the file is.
    expect(
      article({ title: 'T', slug: 'My-Post' }, 'content/2024-01-05-x.md', '/:categories/:slug:output_ext')
        .url,
    ).toBe('https://blog.example/my-post.html');
    // Elsewhere :title is still Jekyll's (the key is lowercase, the address as Jekyll writes it).
    expect(keyAndUrl({ title: 'T' }, 'content/2024-01-05-Hello-World.md', '/:title/')).toEqual([
      'hello-world',
      'https://blog.example/Hello-World/',
    ]);
  });

  it('GIVEN a slug without a letter or digit, or no text THEN names the field and its line (an empty one is none)', () => {
    const problemsOf = (slug: unknown) => {
      const result = parse({ title: 'T', slug }, 'content/a.md');
      return result.ok ? [] : result.problems;
    };
    expect(problemsOf('')).toEqual([]);
    expect(problemsOf(null)).toEqual([]);
    expect(problemsOf(' -_- ')).toEqual([
      { file: 'content/a.md', line: 4, field: 'slug', message: 'a slug needs at least one letter or digit' },
    ]);
    expect(problemsOf(['a'])).toEqual([
      { file: 'content/a.md', line: 4, field: 'slug', message: 'expected a slug (text)' },
    ]);
  });

  it('GIVEN a file name longer than the key THEN the key is cut, the address is made from the whole name', () => {
    const name = 'how-i-went-from-senior-software-engineer-to-engineering-manager-in-two-years';
    const post = article(
      { title: 'T' },
      `content/_posts/2024-01-05-${name}.md`,
      '/:categories/:year/:month/:day/:title:output_ext',
    );
    expect([post.slug, post.url]).toEqual([
      'how-i-went-from-senior-software-engineer-to-engineering-manager',
      `https://blog.example/2024/01/05/${name}.html`,
    ]);
  });

  it("GIVEN an Eleventy permalink whose only template values are page.fileSlug and the title, slugified or not THEN it is filled as Eleventy fills it: no date, an index file's folder", () => {
    const url = (permalink: string, file: string) => {
      const result = parseArticle({
        file,
        source: articleSource({ title: 'T', permalink }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl: '/posts/:slug/',
        eleventy: true,
      });
      return result.ok ? result.article.url : result.problems;
    };
    expect(url('/blog/{{ page.fileSlug }}/', 'content/blog/2024-05-12-tech-lead.md')).toBe(
      'https://blog.example/blog/tech-lead/',
    );
    expect(url('/p/{{-page.fileSlug-}}/', 'content/blog/my-post/index.md')).toBe(
      'https://blog.example/p/my-post/',
    );
    // A last index.html is left out, as Eleventy's page.url leaves it: filled or as written.
    expect(url('blog/{{ page.fileSlug }}/index.html', 'content/blog/2024-01-05-Hello-World.md')).toBe(
      'https://blog.example/blog/Hello-World/',
    );
    expect(url('/about/index.html', 'content/about.md')).toBe('https://blog.example/about/');
    expect(url('/blog/myindex.html', 'content/a.md')).toBe('https://blog.example/blog/myindex.html');
    // The title or the name through Eleventy's slugify filter (@sindresorhus/slugify, camel case kept).
    expect(url('/{{ page.fileSlug }}/{{ title | slugify }}/', 'content/blog/2024-05-12-tech-lead.md')).toBe(
      'https://blog.example/tech-lead/t/',
    );
    const titled = (title: string, permalink = '/articles/{{ title | slugify }}/') =>
      parseArticle({
        file: 'content/blog/2024-05-12-Tech Lead.md',
        source: articleSource({ title, permalink }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl: '/posts/:slug/',
        eleventy: true,
      });
    expect(titled('Déjà Vu: C++ & JavaScript!')).toMatchObject({
      article: { url: 'https://blog.example/articles/deja-vu-c-and-javascript/' },
    });
    // A `/` in the title is a folder, as Eleventy writes the path; a curly apostrophe a break, as Eleventy 3's slugify makes it.
    expect(titled('CI/CD tips', '/blog/{{ title }}/')).toMatchObject({
      article: { url: 'https://blog.example/blog/CI/CD%20tips/' },
    });
    expect(titled('Don’t Panic')).toMatchObject({
      article: { url: 'https://blog.example/articles/don-t-panic/' },
    });
    expect(titled('x', '/p/{{page.fileSlug | slugify}}/')).toMatchObject({
      article: { url: 'https://blog.example/p/tech-lead/' },
    });
    // Another value beside them, or a title that slugifies to nothing: left to ARTICLE_URL, as any other.
    expect(titled('T', '/{{ page.date }}/{{ title | slugify }}/')).toMatchObject({
      article: { url: 'https://blog.example/posts/tech-lead/' },
    });
    expect(titled('🙂', '/articles/{{ title | slugify }}/')).toMatchObject({
      article: { url: 'https://blog.example/posts/tech-lead/' },
    });
  });

  it("GIVEN an Eleventy permalink with the page's date through Liquid's date filter THEN it is filled with the post's date in UTC; a format or a date it cannot fill is left to ARTICLE_URL", () => {
    const url = (
      permalink: string,
      front: Record<string, unknown> = {},
      file = 'content/blog/2024-05-02-tech-lead.md',
    ) => {
      const result = parseArticle({
        file,
        source: articleSource({ title: 'T', permalink, ...front }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl: '/posts/:slug/',
        eleventy: true,
      });
      return result.ok ? result.article.url : result.problems;
    };
    // The date of the file's name, or of its front matter (an instant in another zone is UTC's day).
    expect(url('/{{ page.date | date: "%Y/%m/%d" }}/{{ page.fileSlug }}/')).toBe(
      'https://blog.example/2024/05/02/tech-lead/',
    );
    expect(
      url("/{{page.date | date: '%Y/%-m/%-d'}}/{{ title | slugify }}/index.html", {
        date: '2023-02-03T23:30:00-05:00',
      }),
    ).toBe('https://blog.example/2023/2/4/t/');
    expect(url('/{{ page.date | date: "%B-%y-%j-%a" }}/x/')).toBe('https://blog.example/May-24-123-Thu/x/');
    // Through eleventyComputed too.
    expect(
      url('/own/', { eleventyComputed: { permalink: '/{{ page.date | date: "%Y" }}/{{ page.fileSlug }}/' } }),
    ).toBe('https://blog.example/2024/tech-lead/');
    // A directive not read here, another filter, or no date: ARTICLE_URL's.
    expect(url('/{{ page.date | date: "%Q" }}/x/')).toBe('https://blog.example/posts/tech-lead/');
    expect(url('/{{ page.date | postDate }}/x/')).toBe('https://blog.example/posts/tech-lead/');
    expect(url('/{{ page.date | date: "%Y" }}/x/', {}, 'content/blog/undated.md')).toBe(
      'https://blog.example/posts/undated/',
    );
    // Filled too long for Discord: a problem at the permalink, as one written so.
    expect(url(`/{{ page.date | date: "%Y" }}/${'x'.repeat(600)}/`)).toEqual([
      expect.objectContaining({ line: 3, field: 'permalink', message: 'at most 512 characters' }),
    ]);
  });

  it("GIVEN Eleventy's eleventyComputed.permalink, the post's own or its data files' THEN it is the address over any permalink, filled alike; elsewhere it is not read", () => {
    const parse = (front: Record<string, unknown>, cascade?: Record<string, unknown>, eleventy = true) =>
      parseArticle({
        file: 'content/blog/2024-05-12-tech-lead.md',
        source: articleSource({ title: 'T', ...front }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl: '/posts/:slug/',
        eleventy,
        cascade,
      });
    const computed = { permalink: '/c/{{ page.fileSlug }}/' };
    expect(parse({ permalink: '/own/', eleventyComputed: computed })).toMatchObject({
      article: { url: 'https://blog.example/c/tech-lead/' },
    });
    // The data files' computed permalink is set over the post's own permalink too, as Eleventy sets it last.
    expect(parse({ permalink: '/own/' }, { eleventycomputed: computed })).toMatchObject({
      article: { url: 'https://blog.example/c/tech-lead/' },
    });
    expect(
      parse({ eleventyComputed: { permalink: '/mine/' } }, { eleventycomputed: computed }),
    ).toMatchObject({ article: { url: 'https://blog.example/mine/' } });
    expect(parse({ eleventyComputed: { permalink: false } })).toEqual({
      ok: false,
      problems: [],
      unpublished: true,
    });
    // Computed title only, or another generator's site: the permalink (or ARTICLE_URL) as before.
    expect(parse({ permalink: '/own/', eleventyComputed: { title: 'x' } })).toMatchObject({
      article: { url: 'https://blog.example/own/' },
    });
    expect(parse({ eleventyComputed: computed }, undefined, false)).toMatchObject({
      article: { url: 'https://blog.example/posts/tech-lead/' },
    });
    // Named where it is written: its problems, and the field that gave the address.
    const nested = (permalink: string) =>
      parseArticle({
        file: 'a.md',
        source: `---\ntitle: T\neleventyComputed:\n  permalink: "${permalink}"\n---\n\nText.\n`,
        siteUrl: 'https://blog.example',
        eleventy: true,
      });
    expect(nested('/has space/')).toMatchObject({
      ok: false,
      problems: [{ line: 4, field: 'eleventyComputed.permalink' }],
    });
    expect(nested('/ok/')).toMatchObject({
      article: { addressField: { name: 'eleventyComputed.permalink', line: 4 } },
    });
  });

  it("GIVEN eleventyComputed.permalink from the data files THEN its problems, and the field that gave the address, are named as the data files', at the front matter's start, not at the post's own unused permalink", () => {
    const parse = (front: string, permalink: string) =>
      parseArticle({
        file: 'a.md',
        source: `---\ntitle: T\ndate: 2024-05-12\n${front}---\n\nText.\n`,
        siteUrl: 'https://blog.example',
        eleventy: true,
        cascade: { eleventycomputed: { permalink } },
      });
    const long = `/c/${'a'.repeat(600)}/`;
    const problem = {
      line: 1,
      field: 'eleventyComputed.permalink',
      message: "at most 512 characters (Eleventy's eleventyComputed.permalink from the post's data files)",
    };
    // With a permalink of its own (line 4), fine and unused, and without one.
    for (const front of ['permalink: /own/\n', '', 'eleventyComputed:\n  title: x\n'])
      expect(parse(front, long)).toMatchObject({ ok: false, problems: [problem] });
    // Too long for Discord once filled (page.date): the same place.
    expect(parse('permalink: /own/\n', `/{{ page.date | date: "%Y" }}/${'a'.repeat(600)}/`)).toMatchObject({
      ok: false,
      problems: [problem],
    });
    for (const front of ['permalink: /own/\n', ''])
      expect(parse(front, '/c/{{ page.fileSlug }}/')).toMatchObject({
        article: {
          url: 'https://blog.example/c/a/',
          addressField: { name: 'eleventyComputed.permalink', line: 1 },
        },
      });
  });

  it('GIVEN page.fileSlug from a file name that is no plain URL path THEN the address has it percent-encoded, as a browser asks for it', () => {
    const url = (file: string, contentPath?: string) => {
      const result = parseArticle({
        file,
        ...(contentPath === undefined ? {} : { contentPath }),
        source: articleSource({ title: 'T', permalink: '/blog/{{ page.fileSlug }}/' }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl: '/posts/:slug/',
        eleventy: true,
      });
      return result.ok ? result.article.url : result.problems;
    };
    expect(url('content/blog/c#-tips.md')).toBe('https://blog.example/blog/c%23-tips/');
    expect(url('content/blog/why?.md')).toBe('https://blog.example/blog/why%3F/');
    // A dated folder of an index file loses its date as a dated file does.
    expect(url('content/2024-05-12-lead/index.md', '2024-05-12-lead/index.md')).toBe(
      'https://blog.example/blog/lead/',
    );
    // Eleventy's date pattern is not anchored: what is before the date goes with it.
    expect(url('content/blog/notes-2024-01-01-x.md')).toBe('https://blog.example/blog/x/');
    // An index file without a folder has no name to give: ARTICLE_URL makes it.
    expect(url('index.md', 'index.md')).toBe('https://blog.example/posts/index/');
  });

  it("GIVEN Eleventy's permalinks THEN a template is no address (ARTICLE_URL makes it), false is no article, a relative one is on the site's root", () => {
    const file = 'content/posts/2024-01-07-templated.md';
    for (const permalink of ['/blog/{{ page.fileSlug }}/', '/{{ title | slugify }}/', '{% link x %}'])
      expect(article({ title: 'T', permalink }, file, '/posts/:slug/').url, permalink).toBe(
        'https://blog.example/posts/templated/',
      );
    expect(article({ title: 'T', url: '{{ page.url }}' }, file).url).toBe(
      'https://blog.example/blog/templated',
    );
    expect(parse({ title: 'T', permalink: false }, file)).toEqual({
      ok: false,
      problems: [],
      unpublished: true,
    });
    expect(article({ title: 'T', permalink: 'blog/relative-post/' }, file).url).toBe(
      'https://blog.example/blog/relative-post/',
    );
    expect(article({ title: 'T', url: 'about/' }, file).url).toBe('https://blog.example/about/');
    // Another kind of address, a host without its scheme, or a permalink that is not text: refused as before.
    for (const permalink of ['mailto:me@blog.example', '//other.example/x', true]) {
      const result = parse({ title: 'T', permalink }, file);
      expect(result.ok ? [] : result.problems.map((problem) => problem.field), String(permalink)).toEqual([
        'permalink',
      ]);
    }
  });

  it("GIVEN Eleventy's date keywords THEN no date of the front matter: the file name's, or none", () => {
    for (const date of ['Last Modified', 'Created', 'git Last Modified', 'git Created']) {
      expect(article({ title: 'T', date }, 'content/2024-01-08-dated.md').date, date).toBe('2024-01-08');
      expect(article({ title: 'T', date }, 'content/undated.md').date, date).toBeUndefined();
    }
  });

  it('GIVEN a file name dated on a day that does not exist and no date in the front matter THEN a problem at line 1 of the file name, as Jekyll refuses it', () => {
    for (const [file, day] of [
      ['content/2024-02-30-x.md', '2024-02-30'],
      ['content/_posts/2024-13-01-x.md', '2024-13-01'],
      ['content/2023-2-29-x.md', '2023-2-29'],
      ['content/posts/2024-04-31-bundle/index.md', '2024-04-31'],
    ] as const) {
      const result = parse({ title: 'T' }, file);
      expect(result.ok ? [] : result.problems, file).toEqual([
        {
          file,
          line: 1,
          field: 'file name',
          message: `${day} is not a date; rename the file with a day that exists (YYYY-MM-DD-name.md), or give the post a date in its front matter`,
        },
      ]);
    }
    // Eleventy's keywords date nothing the bot can know: the name is asked, as without a date.
    expect(parse({ title: 'T', date: 'Last Modified' }, 'content/2024-02-30-x.md').ok).toBe(false);
  });

  it("GIVEN a file name dated on a day that does not exist and the front matter's date THEN that date, and the slug and title without the prefix, as Jekyll and Eleventy read it", () => {
    const post = article({ date: '2024-03-01' }, 'content/_posts/2024-02-30-my-post.md', '/:year/:title/');
    expect([post.slug, post.title, post.date, post.url]).toEqual([
      'my-post',
      'My Post',
      '2024-03-01',
      'https://blog.example/2024/my-post/',
    ]);
    expect(article({ title: 'T', publishDate: '2024-03-01' }, 'content/2024-13-01-x.md').slug).toBe('x');
  });

  it('GIVEN a file name dated on a real day THEN the slug never keeps the date, whatever dates the post', () => {
    for (const [front, file] of [
      [{ title: 'T' }, 'content/2024-01-05-x.md'],
      [{ title: 'T', date: '2020-01-01' }, 'content/2024-01-05-x.md'],
      [{ title: 'T' }, 'content/posts/2024-1-5-x.MD'],
      [{ title: 'T' }, 'content/2024-01-05-x.en.md'],
      [{ title: 'T' }, 'content/2024-01-05-x/index.mdx'],
    ] as const) {
      expect(article(front, file).slug, file).toBe('x');
    }
  });

  it("GIVEN no title THEN one from the file name's words, capitalised as Jekyll does; other scripts' words as they are", () => {
    expect(article({}, 'content/_posts/2024-01-06-no-title.md').title).toBe('No Title');
    expect(article({}, 'content/my_API-notes.md').title).toBe('My Api Notes');
    expect(article({}, 'content/posts/Ünïcödé Fïlé/index.md').title).toBe('Ünïcödé Fïlé');
    expect(article({}, 'content/привет-мир.md').title).toBe('привет мир');
    expect(article({}, 'content/2024-01-09-日本語の記事.md').title).toBe('日本語の記事');
    // The front matter's slug does not name it: the file does.
    expect(article({ slug: 'other' }, 'content/the-file.md').title).toBe('The File');
  });

  it("GIVEN a title longer than 200 characters THEN the post is an article, its title cut at a word; Hugo's :title has it whole", () => {
    const long = `${'Why '.repeat(60)}end`;
    const post = parseArticle({
      file: 'content/posts/x.md',
      contentPath: 'posts/x.md',
      source: articleSource({ title: long, tags: ['a'] }, '## Tips\n\n- x'),
      siteUrl: 'https://blog.example',
      articleUrl: '/:sections/:title/',
    });
    if (!post.ok) throw new Error(JSON.stringify(post.problems));
    expect(post.article.title).toBe(`${'Why '.repeat(49).trimEnd()}…`);
    expect(post.article.url).toBe(`https://blog.example/posts/${'why-'.repeat(60)}end/`);
    // A file name as long is cut alike.
    expect(article({}, `content/${'why-'.repeat(60)}end.md`).title).toBe(post.article.title);
  });

  it("GIVEN a Jekyll post's own permalink with tokens THEN Jekyll's tokens are filled as ARTICLE_URL's are, any other :word stays; Hugo's url and Eleventy's permalink stay as written", () => {
    const url = (front: Record<string, unknown>, file = 'content/_posts/2024-01-05-My Post.md') =>
      article({ title: 'T', ...front }, file).url;
    expect(url({ permalink: '/custom/:title/' })).toBe('https://blog.example/custom/My-Post/');
    expect(url({ permalink: '/:categories/:title.html', categories: ['Team News'] })).toBe(
      'https://blog.example/team%20news/My-Post.html',
    );
    // Without categories, no `//`, as Jekyll squeezes it.
    expect(url({ permalink: '/:categories/:title.html' })).toBe('https://blog.example/My-Post.html');
    // A text `categories` is split at spaces, commas kept, as Jekyll splits it; `category` is one.
    expect(url({ permalink: '/:categories/:title/', categories: 'Web Development, Career' })).toBe(
      'https://blog.example/web/development%2C/career/My-Post/',
    );
    expect(url({ permalink: '/:categories/:title/', category: 'Team News', categories: [2024] })).toBe(
      'https://blog.example/2024/team%20news/My-Post/',
    );
    expect(url({ permalink: '/:year/:i_month/:slug:output_ext' })).toBe(
      'https://blog.example/2024/1/my-post.html',
    );
    // No token of Jekyll's (Hugo's :section, or none at all): as written.
    expect(url({ permalink: '/:section/:lang/:title/' })).toBe(
      'https://blog.example/:section/:lang/My-Post/',
    );
    expect(url({ permalink: '/plain/' })).toBe('https://blog.example/plain/');
    // A post in no _posts folder: as written, url and permalink alike.
    expect(url({ permalink: '/custom/:title/' }, 'content/posts/2024-01-05-my-post.md')).toBe(
      'https://blog.example/custom/:title/',
    );
    expect(url({ url: '/x/:title/' }, 'content/posts/my-post.md')).toBe('https://blog.example/x/:title/');
    expect(url({ url: '/x/:title/', permalink: '/y/' })).toBe('https://blog.example/x/:title/');
  });

  it("GIVEN a Hugo page's url without a dot THEN it ends with a /, as Hugo publishes it (a folder's index.html); one with a dot, or a full address, or elsewhere stays as written", () => {
    const url = (written: string, hugo = true) => {
      const result = parseArticle({
        file: 'content/posts/a.md',
        source: articleSource({ title: 'T', url: written }, 'Text.'),
        siteUrl: 'https://blog.example',
        hugo,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article.url;
    };
    expect(url('/2020/05/adrs')).toBe('https://blog.example/2020/05/adrs/');
    // Without its leading `/`, on the site's root all the same.
    expect(url('2020/05/adrs')).toBe('https://blog.example/2020/05/adrs/');
    expect(url('/2020/05/adrs/')).toBe('https://blog.example/2020/05/adrs/');
    expect(url('/old/post.html')).toBe('https://blog.example/old/post.html');
    expect(url('/v1.2/notes')).toBe('https://blog.example/v1.2/notes');
    expect(url('https://elsewhere.example/x')).toBe('https://elsewhere.example/x');
    expect(url('/2020/05/adrs', false)).toBe('https://blog.example/2020/05/adrs');
  });

  it('GIVEN a Jekyll name with a one-digit month or day THEN its date as Jekyll reads it; a slug past 200 characters is refused', () => {
    const post = article({}, 'content/_posts/2024-1-5-my-post.md', '/:year/:month/:day/:title.html');
    expect([post.slug, post.title, post.date, post.url]).toEqual([
      'my-post',
      'My Post',
      '2024-01-05',
      'https://blog.example/2024/01/05/my-post.html',
    ]);
    const long = parse({ title: 'T', slug: 'a'.repeat(201) }, 'content/a.md');
    expect(long.ok ? [] : long.problems.map((problem) => problem.message)).toEqual([
      'at most 200 characters',
    ]);
  });

  it('GIVEN draft or published written as text THEN read as Hugo and Jekyll read them', () => {
    const unpublished = { ok: false, problems: [], unpublished: true };
    for (const front of [{ draft: 'true' }, { draft: 'yes' }, { published: 'no' }, { published: 'False' }])
      expect(parse({ title: 'T', ...front }, 'content/a.md'), JSON.stringify(front)).toEqual(unpublished);
    for (const front of [{ draft: 'false' }, { draft: 'no' }, { published: 'yes' }, { published: true }])
      expect(parse({ title: 'T', ...front }, 'content/a.md').ok, JSON.stringify(front)).toBe(true);
  });

  it('GIVEN build options telling Hugo not to render the page, or a headless bundle THEN no article (its link would lead nowhere)', () => {
    const unpublished = { ok: false, problems: [], unpublished: true };
    for (const front of [
      { build: { render: 'never' } },
      { build: { Render: 'link', list: 'always' } },
      { _build: { render: false } },
      { headless: true },
    ])
      expect(parse({ title: 'T', ...front }, 'content/a.md'), JSON.stringify(front)).toEqual(unpublished);
    for (const front of [{ build: { render: 'always' } }, { _build: { render: true } }, { headless: false }])
      expect(parse({ title: 'T', ...front }, 'content/a.md').ok, JSON.stringify(front)).toBe(true);
  });

  it("GIVEN a post its blog keeps out of its lists (Hugo's build list never or false, Docusaurus's unlisted yes) THEN no article, as a draft is; unlisted no, or list always or local, is one", () => {
    const unpublished = { ok: false, problems: [], unpublished: true };
    for (const front of [
      { build: { render: 'always', list: 'never' } },
      { build: { List: 'Never' } },
      { _build: { list: false } },
      { _build: { list: 'false' } },
      { unlisted: true },
      { Unlisted: 'yes' },
    ])
      expect(parse({ title: 'T', ...front }, 'content/a.md'), JSON.stringify(front)).toEqual(unpublished);
    for (const front of [
      { build: { list: 'always' } },
      { build: { list: 'local' } },
      { _build: { list: true } },
      { unlisted: false },
      { unlisted: 'soon' },
    ])
      expect(parse({ title: 'T', ...front }, 'content/a.md').ok, JSON.stringify(front)).toBe(true);
    // In a Hugo site, in TOML, as Hugo's own front matter writes it.
    expect(
      parseArticle({
        file: 'content/posts/a.md',
        source: '+++\ntitle = "T"\n[build]\n  list = "never"\n+++\nText.\n',
        hugo: true,
      }),
    ).toEqual(unpublished);
  });

  it('GIVEN a number in a text field that YAML reads otherwise (010, 1:20, 1e400, 30 digits) THEN it is the text as written; one read as written stays', () => {
    const front = (fields: string) =>
      parseArticle({
        file: 'content/a.md',
        source: `---\n${fields}\n---\n\nText.\n`,
        siteUrl: 'https://blog.example',
      });
    expect(front('title: 123456789012345678901234567890\nslug: 010')).toMatchObject({
      ok: true,
      article: { title: '123456789012345678901234567890', slug: '010', url: 'https://blog.example/blog/010' },
    });
    for (const [written, slug] of [
      ['1:20', '1-20'],
      ['1e400', '1e400'],
      ['0x1F', '0x1f'],
      ['1_000', '1-000'],
      ['2024', '2024'],
    ])
      expect(front(`title: T\nslug: ${written} # a comment`), written).toMatchObject({ article: { slug } });
    expect(front('title: .inf')).toMatchObject({ article: { title: '.inf' } });
    // In a list of tags, line by line; in a flow list, as read.
    expect(front('title: T\ntags:\n  - 99999999999999999999\n  - 010\n  - 7')).toMatchObject({
      article: { tags: ['99999999999999999999', '010', '7'] },
    });
    expect(front('title: T\ntags: [010, x]')).toMatchObject({ article: { tags: ['8', 'x'] } });
    // Of a key written twice, the last, as YAML reads it.
    expect(front('title: T\nslug: 010\nslug: 011')).toMatchObject({ article: { slug: '011' } });
  });

  it("GIVEN Hugo's other date fields THEN the first of date, publishDate, pubdate and published dates the post", () => {
    expect(article({ title: 'T', publishDate: '2024-01-05' }, 'content/a.md').date).toBe('2024-01-05');
    expect(article({ title: 'T', pubdate: '2024-01-06T10:00:00Z' }, 'content/a.md').date).toBe('2024-01-06');
    expect(article({ title: 'T', published: '2024-01-07' }, 'content/a.md').date).toBe('2024-01-07');
    expect(article({ title: 'T', date: '2024-01-01', publishDate: '2024-01-05' }, 'content/a.md').date).toBe(
      '2024-01-01',
    );
    // Jekyll's `published: true` is no date.
    expect(article({ title: 'T', published: true }, 'content/2024-01-08-a.md').date).toBe('2024-01-08');
    const wrong = parse({ title: 'T', publishDate: '2024-02-30' }, 'content/a.md');
    expect(wrong.ok ? [] : wrong.problems.map(({ field, line }) => ({ field, line }))).toEqual([
      { field: 'publishDate', line: 4 },
    ]);
    // Hugo's default order ends with lastmod and modified: a Hugo post with only those is dated by
    // them (and published then); elsewhere they are no day of publication.
    const hugo = (front: Record<string, unknown>) =>
      parseArticle({
        file: 'content/posts/a.md',
        source: articleSource({ title: 'T', ...front }, 'Text.'),
        hugo: true,
      });
    expect(hugo({ lastmod: '2024-05-01' })).toMatchObject({
      ok: true,
      article: { date: '2024-05-01', publishes: '2024-05-01T00:00:00.000Z' },
    });
    expect(hugo({ modified: '2024-05-02', lastMod: '2024-05-03' })).toMatchObject({
      article: { date: '2024-05-03' },
    });
    expect(hugo({ date: '2024-01-01', lastmod: '2024-05-01' })).toMatchObject({
      article: { date: '2024-01-01' },
    });
    expect(hugo({ lastmod: '2024-13-01' })).toMatchObject({
      ok: false,
      problems: [{ field: 'lastmod', line: 3 }],
    });
    expect(Object.hasOwn(article({ title: 'T', lastmod: '2024-05-01' }, 'content/a.md'), 'date')).toBe(false);
    // [frontmatter] date = [":filename", ":default"]: the name dates the post, but Hugo publishes it by
    // the front matter's date (its publishDate reads that first).
    expect(
      parseArticle({
        file: 'content/posts/2030-01-01-x.md',
        source: articleSource({ title: 'T', date: '2024-01-01' }, 'Text.'),
        hugo: true,
        fileNameDates: 'first',
      }),
    ).toMatchObject({ article: { date: '2030-01-01', publishes: '2024-01-01T00:00:00.000Z' } });
  });

  it("GIVEN Hugo's expiryDate (or expirydate, unpublishdate, in any case) THEN the article keeps the instant, in UTC, whatever the time now; a wrong one is a problem on its line", () => {
    const expires = (front: Record<string, unknown>) =>
      article({ title: 'T', ...front }, 'content/a.md').expires;
    // A day, or a time without a zone, is in UTC, as Hugo reads them by default.
    expect(expires({ expiryDate: '2024-05-01' })).toBe('2024-05-01T00:00:00.000Z');
    expect(expires({ ExpiryDate: '2024-05-01T10:00:00+02:00' })).toBe('2024-05-01T08:00:00.000Z');
    expect(expires({ expirydate: '2024-05-01 10:00' })).toBe('2024-05-01T10:00:00.000Z');
    expect(expires({ unpublishdate: '2001-12-14 21:59:43.10 -5' })).toBe('2001-12-15T02:59:43.100Z');
    expect(expires({ unpublishDate: '2024-05-01', expiryDate: '2030-01-01' })).toBe(
      '2030-01-01T00:00:00.000Z',
    );
    // The first one set: an empty expiryDate leaves it to unpublishdate.
    expect(expires({ expiryDate: null, unpublishdate: '2020-01-01' })).toBe('2020-01-01T00:00:00.000Z');
    expect(expires({ expiryDate: '', unpublishdate: '2020-01-01' })).toBe('2020-01-01T00:00:00.000Z');
    // Past or not, the parse is the same: the index leaves an expired post out (see splitExpired).
    expect(expires({ expiryDate: '1999-12-31' })).toBe('1999-12-31T00:00:00.000Z');
    // Empty is none, as in Hugo; so is no key at all.
    for (const front of [{ expiryDate: '' }, { expiryDate: null }, {}])
      expect(Object.hasOwn(article({ title: 'T', ...front }, 'content/a.md'), 'expires')).toBe(false);
    // TOML's date-times, YAML's timestamps and bare JSON's text alike.
    const body = '## Tips\n- x\n';
    expect(mustParse(`+++\ntitle = "T"\nexpiryDate = 2014-03-12T10:11:00-04:00\n+++\n${body}`).expires).toBe(
      '2014-03-12T14:11:00.000Z',
    );
    expect(mustParse(`---\ntitle: T\nexpiryDate: 2024-05-01T10:00:00Z\n---\n${body}`).expires).toBe(
      '2024-05-01T10:00:00.000Z',
    );
    expect(mustParse(`{"title": "T", "expiryDate": "2024-05-01"}\n${body}`).expires).toBe(
      '2024-05-01T00:00:00.000Z',
    );
    for (const [front, field] of [
      [{ expiryDate: 'next year' }, 'expiryDate'],
      [{ unpublishDate: '2024-02-30' }, 'unpublishDate'],
      [{ expirydate: '2024-05-01T25:00:00Z' }, 'expirydate'],
      [{ expiryDate: 20240501 }, 'expiryDate'],
    ] as const) {
      const wrong = parse({ title: 'T', ...front }, 'content/a.md');
      expect(wrong.ok ? [] : wrong.problems.map(({ field, line }) => ({ field, line })), field).toEqual([
        { field, line: 4 },
      ]);
    }
  });

  it('GIVEN a Hugo page THEN it keeps when Hugo publishes it: its publishDate (or pubdate, published), else its date, as an instant in UTC, whatever the time now; a wrong one is a problem on its line', () => {
    const publishes = (front: Record<string, unknown>, file = 'content/posts/a.md') => {
      const result = parseArticle({
        file,
        source: articleSource({ title: 'T', ...front }, '## Tips\n\n- x'),
        hugo: true,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article.publishes;
    };
    expect(publishes({ date: '2030-01-05' })).toBe('2030-01-05T00:00:00.000Z');
    expect(publishes({ date: '2030-01-05T10:00:00+02:00' })).toBe('2030-01-05T08:00:00.000Z');
    // publishDate first, where the post's date is `date` first.
    expect(publishes({ date: '2024-01-01', publishDate: '2030-01-05 10:00' })).toBe(
      '2030-01-05T10:00:00.000Z',
    );
    expect(publishes({ date: '2024-01-01', pubdate: '2030-01-06' })).toBe('2030-01-06T00:00:00.000Z');
    expect(publishes({ date: '2024-01-01', published: '2030-01-07' })).toBe('2030-01-07T00:00:00.000Z');
    expect(publishes({ date: '2024-01-01', published: true })).toBe('2024-01-01T00:00:00.000Z');
    expect(publishes({ Date: '2024-01-01', PublishDate: '1999-01-01' })).toBe('1999-01-01T00:00:00.000Z');
    // Hugo reads no date from the file's name: undated, it is published.
    expect(publishes({}, 'content/posts/2030-01-05-a.md')).toBeUndefined();
    const wrong = parseArticle({
      file: 'content/a.md',
      source: articleSource({ title: 'T', date: '2024-01-01', publishDate: 'soon' }, '## Tips\n\n- x'),
      hugo: true,
    });
    expect(wrong.ok ? [] : wrong.problems.map(({ field, line }) => ({ field, line }))).toEqual([
      { field: 'publishDate', line: 4 },
    ]);
  });

  it("GIVEN a Hugo page's date as a whole number (date = 1704448800) THEN it is Unix seconds, as Hugo reads it: the day is UTC's, or the site's time zone's; a fraction or a number past 9999 is a problem on its line; elsewhere a number is no date", () => {
    const body = '## Tips\n\n- x\n';
    const hugo = (source: string, more: object = {}) =>
      parseArticle({ file: 'content/posts/a.md', source, hugo: true, ...more });
    const dated = (source: string, more: object = {}) => {
      const result = hugo(source, more);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const { date, publishes, expires } = result.article;
      return { date, publishes, expires };
    };
    // 2024-01-05T10:00:00Z, in TOML, YAML and JSON alike.
    const at = { date: '2024-01-05', publishes: '2024-01-05T10:00:00.000Z', expires: undefined };
    expect(dated(`+++\ntitle = "T"\ndate = 1704448800\n+++\n${body}`)).toEqual(at);
    expect(dated(`---\ntitle: T\ndate: 1704448800\n---\n${body}`)).toEqual(at);
    expect(dated(`{"title": "T", "date": 1704448800}\n${body}`)).toEqual(at);
    // 2024-01-05T01:00:00Z is still the 4th in Los Angeles: the instant stays.
    expect(
      dated(`+++\ntitle = "T"\ndate = 1704416400\n+++\n${body}`, { timeZone: 'America/Los_Angeles' }),
    ).toEqual({ date: '2024-01-04', publishes: '2024-01-05T01:00:00.000Z', expires: undefined });
    expect(dated(`+++\ntitle = "T"\ndate = 1704416400\n+++\n${body}`).date).toBe('2024-01-05');
    // The other dates too (publishDate, lastmod, expiryDate), and one a section's cascade gives.
    expect(
      dated(
        `+++\ntitle = "T"\ndate = "2024-01-01"\npublishDate = 1704448800\nexpiryDate = 1735689600\n+++\n${body}`,
      ),
    ).toEqual({
      date: '2024-01-01',
      publishes: '2024-01-05T10:00:00.000Z',
      expires: '2025-01-01T00:00:00.000Z',
    });
    expect(dated(`+++\ntitle = "T"\nlastmod = 0\n+++\n${body}`).date).toBe('1970-01-01');
    expect(dated(`+++\ntitle = "T"\n+++\n${body}`, { cascade: { date: 1704448800 } })).toEqual(at);
    // What no Unix time is: a problem at its line, that says what to write.
    const problems = (source: string) => {
      const result = hugo(source);
      return result.ok ? [] : result.problems.map(({ field, line, message }) => ({ field, line, message }));
    };
    expect(problems(`+++\ntitle = "T"\ndate = 1704448800.5\n+++\n${body}`)).toEqual([
      {
        field: 'date',
        line: 3,
        message:
          '1704448800.5 is no whole number of seconds: a date written as a number is Unix seconds (Hugo\'s `date = 1704448800`); write whole seconds, or the day, like "2024-01-05"',
      },
    ]);
    expect(problems(`---\ntitle: T\npublishDate: 1704448800000\n---\n${body}`)).toEqual([
      {
        field: 'publishDate',
        line: 3,
        message:
          '1704448800000 is past the year 9999 as Unix seconds: if it is milliseconds, write seconds, 1704448800, or the day, like "2024-01-05"',
      },
    ]);
    // Outside Hugo, a number is no date, as before.
    const jekyll = parseArticle({
      file: '_posts/2024-01-05-a.md',
      source: `---\ntitle: T\ndate: 1704448800\n---\n${body}`,
    });
    expect(jekyll.ok ? [] : jekyll.problems.map(({ field }) => field)).toEqual(['date']);
    expect(jekyll.ok ? '' : jekyll.problems[0]?.message).toMatch(
      /^expected a real day written as YYYY-MM-DD/,
    );
  });

  it("GIVEN a Jekyll post THEN it keeps when Jekyll publishes it, its date (from its front matter, else its name), as an instant in UTC; other sites' posts none", () => {
    const publishes = (front: Record<string, unknown>, file: string, site: object = {}) => {
      const result = parseArticle({
        file,
        source: articleSource({ title: 'T', ...front }, '## Tips\n\n- x'),
        ...site,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article.publishes;
    };
    expect(publishes({}, 'blog/_posts/2030-01-05-a.md')).toBe('2030-01-05T00:00:00.000Z');
    expect(publishes({ date: '2030-01-05 10:00:00 +0100' }, 'blog/_posts/2024-01-01-a.md')).toBe(
      '2030-01-05T09:00:00.000Z',
    );
    // Eleventy's keywords are no date: the name's.
    expect(publishes({ date: 'Created' }, 'blog/_posts/2030-01-05-a.md')).toBe('2030-01-05T00:00:00.000Z');
    // Another field Hugo reads is none of Jekyll's.
    expect(publishes({ date: '2024-01-01', publishDate: '2030-01-05' }, 'blog/_posts/2024-01-01-a.md')).toBe(
      '2024-01-01T00:00:00.000Z',
    );
    // The bot's own folder and an Eleventy site's `_posts` publish every post: none kept.
    expect(publishes({ date: '2030-01-05' }, 'content/a.md')).toBeUndefined();
    expect(publishes({ publishDate: '2030-01-05' }, 'content/2030-01-05-a.md')).toBeUndefined();
    expect(publishes({}, 'src/_posts/2030-01-05-a.md', { eleventy: true })).toBeUndefined();
  });

  it("GIVEN front matter keys in another case (older Hugo sites' Title, Date, Tags, Draft) THEN read as Hugo reads them; problems name them as written", () => {
    const toml =
      '+++\nTitle = "Old Hugo"\nDate = 2014-03-12T10:11:00-04:00\nTags = ["Go"]\npublishdate = "2015-01-01"\n+++\nLead.\n';
    const old = mustParse(toml);
    expect([old.title, old.date, old.tags, old.summary]).toEqual(['Old Hugo', '2014-03-12', ['Go'], 'Lead.']);
    expect(article({ title: 'T', publishdate: '2024-01-05' }, 'content/a.md').date).toBe('2024-01-05');
    expect(parse({ Title: 'T', Draft: true }, 'content/a.md')).toEqual({
      ok: false,
      problems: [],
      unpublished: true,
    });
    // The name in lowercase wins; `__PROTO__` is no field, and sets nothing.
    const both = mustParse('---\ntitle: lower\nTitle: Upper\n__PROTO__: { slug: evil, title: x }\n---\nx\n');
    expect([both.title, both.slug]).toEqual(['lower', 'a']);
    // Nor is a lowercase `__proto__` beside keys in another case: it would be the fields' prototype.
    for (const proto of ['{ draft: true }', '{ title: Injected, published: false }']) {
      const read = mustParse(`---\nTitle: Hello\nTags: [a]\n__proto__: ${proto}\n---\nx\n`);
      expect([read.title, read.tags]).toEqual(['Hello', ['a']]);
    }
    expect(problemsOf('---\nTitle: T\nTags: { a: 1 }\nSummary: [x]\n---\nx\n')).toEqual([
      { file: 'content/bad.md', line: 3, field: 'Tags', message: expect.any(String) as string },
      { file: 'content/bad.md', line: 4, field: 'Summary', message: expect.any(String) as string },
    ]);
  });

  it("GIVEN links relative to the post THEN they lead where they lead from its page; the site's paths stay on the site", () => {
    const body =
      '## Tips\n\n- [Anchor](#tips), [older](../earlier-post/), [photo](photo.png), [site](/about/), [out](https://x.example/)';
    const source = articleSource({ title: 'T', url: '/posts/a/' }, body);
    const [item] = mustParse(source).sections.tips?.items ?? [];
    expect(item?.text).toBe(
      '[Anchor](https://blog.example/posts/a/#tips), [older](https://blog.example/posts/earlier-post/), ' +
        '[photo](https://blog.example/posts/a/photo.png), [site](https://blog.example/about/), [out](https://x.example/)',
    );
    // At the default address (`/blog/:slug`, here /blog/a), `../` is the site's root.
    const [plain] = mustParse(articleSource({ title: 'T' }, body)).sections.tips?.items ?? [];
    expect(plain?.text).toContain('[older](https://blog.example/earlier-post/)');
  });
});

describe('tags and categories', () => {
  const tagsOf = (front: string) =>
    mustParse(`---\ntitle: T\nurl: /x\nsummary: S\n${front}\n---\n## Tips\n- x\n`).tags;

  it('GIVEN text as Jekyll writes it THEN splits it on spaces, or on commas when it has one', () => {
    expect(tagsOf('tags: leadership career')).toEqual(['leadership', 'career']);
    expect(tagsOf('categories: "Engineering Management"')).toEqual(['Engineering', 'Management']);
    expect(tagsOf('tags: engineering leadership, career,')).toEqual(['engineering leadership', 'career']);
    expect(tagsOf('tags: "  spaced \t out  "')).toEqual(['spaced', 'out']);
    expect(tagsOf('tags: 2024')).toEqual(['2024']);
  });

  it("GIVEN a tag written as a map with a text label (Docusaurus's { label, permalink }) THEN it is that label, in tags and categories, in any site; a map without one is no tag, left out and noted", () => {
    expect(tagsOf('tags:\n  - label: Remote\n    permalink: /remote\n  - leadership')).toEqual([
      'Remote',
      'leadership',
    ]);
    expect(tagsOf('tags: [{ label: Remote }, remote]\ncategories: [{ label: 2024 }]')).toEqual([
      'Remote',
      '2024',
    ]);
    const hugo = parseArticle({
      file: 'content/posts/a.md',
      source: '+++\ntitle = "T"\ncategories = [{ label = "Career Advice" }]\n+++\nText.\n',
      hugo: true,
    });
    expect(hugo).toMatchObject({ ok: true, article: { tags: ['Career Advice'] } });
    const unlabelled = parseArticle({
      file: 'content/a.md',
      source: '---\ntitle: T\ntags: [{ permalink: /remote }, { label: [x] }, ok]\n---\nText.\n',
    });
    expect(unlabelled).toMatchObject({
      ok: true,
      article: {
        tags: ['ok'],
        leftOutTags: [{ line: 3, field: 'tags', message: 'each tag must be text (2 entries)' }],
      },
    });
  });

  it('GIVEN tags and categories THEN one list, each tag once as first spelt, tags first', () => {
    expect(
      tagsOf(
        'tags: [Engineering Leadership, career]\ncategories: [engineering-leadership, Career, management]',
      ),
    ).toEqual(['Engineering Leadership', 'career', 'management']);
    expect(tagsOf('categories: [news]')).toEqual(['news']);
    expect(tagsOf('tags: [a, A, a]')).toEqual(['a']);
  });

  it('GIVEN no tags, an empty list, an empty text or an empty field THEN the article has none', () => {
    for (const front of ['draft: false', 'tags: []', 'tags: ""', 'tags:\ncategories:', 'tags: ","'])
      expect(tagsOf(front), front).toEqual([]);
  });

  it('GIVEN more than 100 tags, in one field or the fields together THEN the first 100 distinct, tags first; no problem', () => {
    const many = (count: number, prefix: string) =>
      `[${Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(', ')}]`;
    const hundred = Array.from({ length: 100 }, (_, i) => `t${i}`);
    expect(tagsOf(`tags: ${many(21, 't')}`)).toEqual(hundred.slice(0, 21));
    expect(tagsOf(`tags: ${many(5000, 't')}`)).toEqual(hundred);
    expect(tagsOf(`tags: ${'word '.repeat(5000)}`)).toEqual(['word']);
    expect(tagsOf(`tags: ${many(60, 't')}\ncategories: ${many(60, 'c')}`)).toEqual([
      ...hundred.slice(0, 60),
      ...Array.from({ length: 40 }, (_, i) => `c${i}`),
    ]);
    // Repeats are no more tags: the hundredth distinct one is read past them, spelled as first written.
    const repeated = `[${[...hundred.slice(0, 50), ...hundred.map((tag) => tag.toUpperCase())].join(', ')}]`;
    expect(tagsOf(`tags: ${repeated}`)).toEqual(
      hundred.slice(0, 50).concat(hundred.slice(50).map((t) => t.toUpperCase())),
    );
    // Only what is read is checked: a bad tag past the hundredth is never a problem.
    expect(tagsOf(`tags: [${[...hundred, '~~'].join(', ')}]`)).toEqual(hundred);
    expect(
      problemsOf(`---\ntitle: T\ntags: [${[...hundred.slice(0, 99), '~~'].join(', ')}]\n---\n## Tips\n- x\n`),
    ).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        field: 'tags',
        message: 'the 100th tag needs at least one letter, digit or emoji',
      },
    ]);
  });

  it('GIVEN an empty or null tag THEN says which tag is empty, counted from 1', () => {
    expect(
      problemsOf('---\ntitle: T\ntags: [yes, no, on, off, null, 1.0, 2024]\n---\n## Tips\n- x\n'),
    ).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        field: 'tags',
        message: 'the 5th tag is empty: write it, or remove it',
      },
    ]);
    expect(problemsOf('---\ntitle: T\ncategories:\n  - a\n  -\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 5,
        field: 'categories',
        message: 'the 2nd category is empty: write it, or remove it',
      },
    ]);
  });

  it('GIVEN one mistake in many entries of a list (an alias repeated) THEN one problem for the field, with the count', () => {
    const laughs =
      '---\na: &a [x, x, x]\nb: &b [*a, *a, *a, *a]\ntags: *b\ntitle: Laughs\n---\n## Tips\n- x\n';
    expect(problemsOf(laughs)).toEqual([
      { file: 'content/bad.md', line: 4, field: 'tags', message: 'each tag must be text (4 entries)' },
    ]);
  });

  it("GIVEN a file's several problems THEN they come in the order of its lines", () => {
    const problems = problemsOf(
      '---\ntitle: [a]\ndate: 2024-02-30\ntags: {a: 1}\nsummary: [1, 2]\nurl: "javascript:alert(1)"\nsections: { tips: [1, 2], foo: Bar }\n---\nbody\n',
    );
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [2, 'title'],
      [3, 'date'],
      [4, 'tags'],
      [5, 'summary'],
      [6, 'url'],
      [7, 'sections.tips'],
      [7, 'sections'],
    ]);
    // The key that is no section kind is named.
    expect(problems.at(-1)?.message).toBe(
      '"foo": no section kind; the kinds are motivations, skills, tips, like { tips: Advice }',
    );
  });

  it('GIVEN a bad tag in either field THEN names the field and the tag, counted from 1, once per tag', () => {
    const problems = problemsOf(
      `---\ntitle: T\nurl: /x\nsummary: S\ntags: [ok, ""]\ncategories: [fine, "~~", ${'x'.repeat(51)}]\n---\n## Tips\n- x\n`,
    );
    expect(problems).toEqual([
      {
        file: 'content/bad.md',
        line: 5,
        field: 'tags',
        message: 'the 2nd tag is empty: write it, or remove it',
      },
      {
        file: 'content/bad.md',
        line: 6,
        field: 'categories',
        message: 'the 2nd category needs at least one letter, digit or emoji',
      },
      {
        file: 'content/bad.md',
        line: 6,
        field: 'categories',
        message: 'the 3rd category may have at most 50 characters: shorten it',
      },
    ]);
  });
});

describe("Jekyll's singular category", () => {
  const front = (fields: string) => `---\ntitle: T\nurl: /x\nsummary: S\n${fields}\n---\n## Tips\n- x\n`;
  const tagsOf = (fields: string) => mustParse(front(fields)).tags;

  it('GIVEN category as text THEN one category, spaces and all, where categories are split on spaces', () => {
    expect(tagsOf('category: career advice')).toEqual(['career advice']);
    expect(tagsOf('category: "  career \t advice "')).toEqual(['career advice']);
    expect(tagsOf('categories: career advice')).toEqual(['career', 'advice']);
    expect(tagsOf('category: 2024')).toEqual(['2024']);
    expect(tagsOf('category: [work, life]')).toEqual(['work', 'life']);
    for (const empty of ['category:', 'category: ""', 'category: []'])
      expect(tagsOf(empty), empty).toEqual([]);
  });

  it('GIVEN category with tags and categories THEN one list, each tag once, category last', () => {
    expect(tagsOf('tags: [mentoring]\ncategory: Work\ncategories: [growth, work]')).toEqual([
      'mentoring',
      'growth',
      'work',
    ]);
    expect(tagsOf('categories: growth\ncategory: career advice')).toEqual(['growth', 'career advice']);
  });

  it("GIVEN a Jekyll post's singular tag THEN it is read in place of tags, a text as one tag, as Jekyll reads it; elsewhere it is no field the bot reads", () => {
    const post = (fields: string) => mustParse(front(fields), '_posts/2024-01-05-x.md').tags;
    expect(post('tag: career advice')).toEqual(['career advice']);
    expect(post('tag: [work, life]\ntags: [ignored]')).toEqual(['work', 'life']);
    expect(post('tag:\ntags: [kept]')).toEqual(['kept']);
    expect(tagsOf('tag: career advice')).toEqual([]);
  });

  it('GIVEN a bad category THEN the problem names the field and its line; past 100 tags it is left out', () => {
    const many = (count: number) => `[${Array.from({ length: count }, (_, i) => `t${i}`).join(', ')}]`;
    expect(problemsOf(front('category: "~~"'))).toEqual([
      {
        file: 'content/bad.md',
        line: 5,
        field: 'category',
        message: 'a tag needs at least one letter, digit or emoji',
      },
    ]);
    expect(problemsOf(front(`category: ${'x'.repeat(51)}`))).toEqual([
      {
        file: 'content/bad.md',
        line: 5,
        field: 'category',
        message: 'a tag may have at most 50 characters: shorten it',
      },
    ]);
    expect(problemsOf(front('categories: [fine]\ncategory: [ok, "~~"]'))).toEqual([
      {
        file: 'content/bad.md',
        line: 6,
        field: 'category',
        message: 'the 2nd category needs at least one letter, digit or emoji',
      },
    ]);
    expect(problemsOf(front('category: { a: 1 }'))).toEqual([
      {
        file: 'content/bad.md',
        line: 5,
        field: 'category',
        message: 'expected a list of tags, like [engineering leadership], or a text',
      },
    ]);
    expect(tagsOf(`category: ${many(101)}`)).toHaveLength(100);
    // A hundred tags before it: the category is left out, as a tag past the hundredth is.
    expect(tagsOf(`tags: ${many(100)}\ncategory: other`)).toEqual(tagsOf(`tags: ${many(100)}`));
    expect(tagsOf(`tags: ${many(99)}\ncategory: other`).at(-1)).toBe('other');
  });
});

describe("Jekyll's categories from the folders above _posts", () => {
  const parse = (contentPath: string, front = '', file = `blog/${contentPath}`) => {
    const result = parseArticle({
      file,
      source: `---\ntitle: T\nsummary: S\ntags: [career]\n${front}\n---\n## Tips\n- x\n`,
      siteUrl: 'https://blog.example',
      articleUrl: '/:categories/:year/:month/:day/:title:output_ext',
      contentPath,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return { tags: result.article.tags, url: result.article.url };
  };

  it('GIVEN a post in a/b/_posts THEN a and b are its first categories, in its address and its tags, before its own', () => {
    expect(parse('engineering/Team Leads/_posts/2015-04-06-x.md', 'categories: [News]')).toEqual({
      tags: ['career', 'engineering', 'Team Leads', 'News'],
      url: 'https://blog.example/engineering/team%20leads/news/2015/04/06/x.html',
    });
    // Each once: the address compares them lowercased, the tags as tags are compared.
    expect(parse('engineering/_posts/2015-04-06-x.md', 'categories: Engineering engineering')).toEqual({
      tags: ['career', 'engineering'],
      url: 'https://blog.example/engineering/2015/04/06/x.html',
    });
  });

  it('GIVEN a post in a/_posts with a category THEN the folder first, then the category', () => {
    expect(parse('engineering/_posts/2015-04-06-x.md', 'category: Team Leads')).toEqual({
      tags: ['career', 'engineering', 'Team Leads'],
      url: 'https://blog.example/engineering/team%20leads/2015/04/06/x.html',
    });
  });

  it('GIVEN a post in the top _posts, in a folder inside a _posts, or in no _posts THEN no category from its folders', () => {
    const none = { tags: ['career'], url: 'https://blog.example/2015/04/06/x.html' };
    expect(parse('_posts/2015-04-06-x.md')).toEqual(none);
    expect(parse('_posts/drafts/2015-04-06-x.md')).toEqual(none);
    expect(parse('posts/2015-04-06-x.md')).toEqual(none);
    expect(parse('2015-04-06-x.md')).toEqual(none);
    // Only the folders above the first _posts.
    expect(parse('news/_posts/more/_posts/2015-04-06-x.md').url).toBe(
      'https://blog.example/news/2015/04/06/x.html',
    );
  });

  it("GIVEN a folder whose name is no tag THEN it is left out; the front matter's own are noted at their line", () => {
    expect(parse(`~~/${'x'.repeat(51)}/ok/_posts/2015-04-06-x.md`).tags).toEqual(['career', 'ok']);
    const result = parseArticle({
      file: 'blog/a/_posts/x.md',
      source: '---\ntitle: T\nsummary: S\ncategories: [fine, "~~"]\n---\n## Tips\n- x\n',
      contentPath: 'a/_posts/x.md',
    });
    // Read without it, the folder's category with the others.
    expect(result.ok && result.article.tags).toEqual(['a', 'fine']);
    expect(result.ok ? result.article.leftOutTags : result.problems).toEqual([
      {
        file: 'blog/a/_posts/x.md',
        line: 4,
        field: 'categories',
        message: 'the 2nd category needs at least one letter, digit or emoji',
      },
    ]);
  });
});

describe('tags the bot cannot show', () => {
  it('GIVEN a tag too long, an empty one, one without a letter, or a long category THEN the post is read without them, each noted at its line', () => {
    const result = parseArticle({
      file: 'content/d.md',
      source: `---\ntitle: T\ntags:\n  - ${'x'.repeat(51)}\n  - keep\n  -\n  - "---"\ncategory: ${'y'.repeat(60)}\n---\nJust prose.\n`,
    });
    assert(result.ok);
    expect(result.article.title).toBe('T');
    expect(result.article.tags).toEqual(['keep']);
    expect(result.article.leftOutTags).toEqual([
      {
        file: 'content/d.md',
        line: 4,
        field: 'tags',
        message: 'the 1st tag may have at most 50 characters: shorten it',
      },
      {
        file: 'content/d.md',
        line: 6,
        field: 'tags',
        message: 'the 3rd tag is empty: write it, or remove it',
      },
      {
        file: 'content/d.md',
        line: 7,
        field: 'tags',
        message: 'the 4th tag needs at least one letter, digit or emoji',
      },
      {
        file: 'content/d.md',
        line: 8,
        field: 'category',
        message: 'a tag may have at most 50 characters: shorten it',
      },
    ]);
  });

  it('GIVEN a tag list that is no list, or another field wrong beside a bad tag THEN the post is refused, as before', () => {
    expect(problemsOf('---\ntitle: T\ntags: {a: 1}\n---\nProse.\n')[0]).toMatchObject({ field: 'tags' });
    const both = parseArticle({ file: 'content/bad.md', source: `---\ntitle: [T\n---\nProse.\n` });
    expect(both.ok).toBe(false);
    const mixed = parseArticle({
      file: 'content/bad.md',
      source: `---\ntitle: T\ndate: 2024-02-30\ntags: ["${'x'.repeat(51)}"]\n---\nProse.\n`,
    });
    expect(mixed.ok).toBe(false);
  });
});

describe('bad content is reported with file, line and field', () => {
  it('GIVEN a url or permalink path with a space THEN the problem says how to write one', () => {
    const front = (line: string) => `---\ntitle: T\ntags: [a]\n${line}\n---\n## Tips\n- x\n`;
    const said = 'an address has no spaces: write each as %20, or a hyphen, like "/blog/my-post/"';
    expect(problemsOf(front('url: /blog/my post/'))).toEqual([
      { file: 'content/bad.md', line: 4, field: 'url', message: said },
    ]);
    expect(problemsOf(front('permalink: /custom/perma path/'))).toEqual([
      { file: 'content/bad.md', line: 4, field: 'permalink', message: said },
    ]);
  });

  it('GIVEN invalid YAML THEN names the line of the error', () => {
    const problems = problemsOf('---\ntitle: ok\ntags: [a, b\nurl: /x\n---\n## Tips\n- x\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/bad.md' });
    expect(problems[0]?.message).toMatch(/invalid YAML/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]?.line).toBeLessThanOrEqual(5);
  });

  it('GIVEN invalid YAML THEN names the exact line of each kind of mistake', () => {
    const front = (lines: string) => `---\ntitle: T\ntags: [a]\n${lines}\n---\n## Tips\n- x\n`;
    expect(problemsOf(front('url: /x\n  bad: indentation'))).toEqual([
      {
        file: 'content/bad.md',
        line: 5,
        message: 'invalid YAML in front matter: bad indentation of a mapping entry',
      },
    ]);
    // An unclosed quote runs to the end of the block: its closing line is named.
    expect(problemsOf(front('url: "/x\nsummary: S'))).toEqual([
      {
        file: 'content/bad.md',
        line: 6,
        message: 'invalid YAML in front matter: unexpected end of the stream within a double quoted scalar',
      },
    ]);
  });

  it('GIVEN a value holding ": " unquoted THEN says to quote it, showing the line quoted', () => {
    expect(problemsOf('---\ntitle: Colon: in title\ntags: [a]\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 2,
        message:
          'invalid YAML in front matter: a value holding ": " must be in quotes: title: "Colon: in title"',
      },
    ]);
    expect(problemsOf('---\ntitle: T\nsummary: Say "no": then go\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        message:
          'invalid YAML in front matter: a value holding ": " must be in quotes: summary: "Say \\"no\\": then go"',
      },
    ]);
  });

  it('GIVEN a quote inside a value quoted with its kind THEN its own line is named, with the value quoted the other way', () => {
    const at = (line: number, message: string) => [
      { file: 'content/bad.md', line, message: `invalid YAML in front matter: ${message}` },
    ];
    expect(problemsOf("---\ntitle: 'Don't do this'\ndate: 2024-01-01\n---\n## Tips\n- x\n")).toEqual(
      at(
        2,
        `the quote ' inside the value ends it: quote the value with " instead, or write the ' twice: title: "Don't do this"`,
      ),
    );
    expect(problemsOf("---\ntitle: T\nsummary: 'It's fine'\ndate: 2024-01-01\n---\n## Tips\n- x\n")).toEqual(
      at(
        3,
        `the quote ' inside the value ends it: quote the value with " instead, or write the ' twice: summary: "It's fine"`,
      ),
    );
    expect(problemsOf('---\ntitle: "The "best" tips"\ndate: 2024-01-01\n---\n## Tips\n- x\n')).toEqual(
      at(
        2,
        `the quote " inside the value ends it: quote the value with ' instead, or write it \\": title: 'The "best" tips'`,
      ),
    );
    // Both kinds inside: the value keeps its quotes, the one inside written twice.
    expect(problemsOf(`---\ntitle: 'Don't say "no"'\ndate: 2024-01-01\n---\n## Tips\n- x\n`)).toEqual(
      at(
        2,
        `the quote ' inside the value ends it: quote the value with " instead, or write the ' twice: title: 'Don''t say "no"'`,
      ),
    );
    // A comment after it is no part of the value; a line of a `>` text that looks alike is no mistake.
    expect(problemsOf("---\ntitle: 'Don't' # x\ndate: 2024-01-01\n---\n## Tips\n- x\n")).toEqual(
      at(
        2,
        `the quote ' inside the value ends it: quote the value with " instead, or write the ' twice: title: "Don't"`,
      ),
    );
    expect(
      problemsOf('---\ntitle: T\nsummary: >\n  Note: "quoted" text\ntags: [a\n---\n## Tips\n- x\n'),
    ).toEqual(at(5, '"[" is never closed: end it with "]"'));
    // Written right: read.
    const right = parseArticle({
      file: 'content/ok.md',
      source: '---\ntitle: \'It\'\'s ok\' # a comment\nsummary: "a \\"b\\" c"\n---\n## Tips\n- x\n',
    });
    expect(right.ok && [right.article.title, right.article.summary]).toEqual(["It's ok", 'a "b" c']);
  });

  it('GIVEN a "[" or "{" never closed THEN its own line is named, not where YAML gave up', () => {
    // Followed by another field, or by the end of the block.
    expect(problemsOf('---\ntitle: T\nurl: /x\ntags: [a\nsummary: S\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 4,
        message: 'invalid YAML in front matter: "[" is never closed: end it with "]"',
      },
    ]);
    expect(problemsOf('---\ntitle: T [draft]\nsections: { tips: [Advice]\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        message: 'invalid YAML in front matter: "{" is never closed: end it with "}"',
      },
    ]);
  });

  it('GIVEN a quoted value that goes on on unindented lines (as the generators accept) THEN reads it as one line', () => {
    const article = mustParse(
      '---\ntitle: "A long\ntitle"\ntags: [a]\nurl: /x\nsummary: \'Over\nthree\nlines\'\n---\n## Tips\n- x\n',
    );
    expect([article.title, article.summary, article.sections.tips?.line]).toEqual([
      'A long title',
      'Over three lines',
      10,
    ]);
  });

  it('GIVEN a title that is no text THEN names it and its line; an empty one is none: the file name makes it', () => {
    for (const title of ['""', '" "', ''])
      expect(
        mustParse(`---\ntitle: ${title}\n---\n## Tips\n- x\n`, 'content/my-first-post.md').title,
        title,
      ).toBe('My First Post');
    expect(problemsOf('---\ntitle: [a]\n---\n## Tips\n- x\n')).toEqual([
      { file: 'content/bad.md', line: 2, field: 'title', message: 'expected a title (text)' },
    ]);
  });

  it('GIVEN a field of the wrong type THEN names the field and its line', () => {
    for (const tags of ['{ a: 1 }', 'true']) {
      const problems = problemsOf(`---\ntitle: T\ntags: ${tags}\nurl: /x\nsummary: S\n---\n## Tips\n- x\n`);
      expect(problems, tags).toEqual([
        {
          file: 'content/bad.md',
          line: 3,
          field: 'tags',
          message: 'expected a list of tags, like [engineering leadership], or a text',
        },
      ]);
    }
  });

  it('GIVEN a bad url, slug, date and section map THEN reports each', () => {
    const problems = problemsOf(
      articleSource(
        validFront({ url: 'ftp://x', slug: '-_-', date: 'soon', sections: { tipz: 'x' } }),
        '## Tips\n\n- x',
      ),
    );
    expect(problems.map((problem) => problem.field).sort()).toEqual(['date', 'sections', 'slug', 'url']);
    for (const problem of problems) expect(problem.line).toBeGreaterThan(1);
  });

  it('GIVEN no summary THEN the description, the excerpt or else the first paragraph, shortened at a word', () => {
    const body = 'Lead *paragraph* with a [link](/x).\n\nMore.\n\n## Tips\n\n- x';
    const front = validFront();
    delete front.summary;
    const withField = (field: string) =>
      mustParse(articleSource({ ...front, [field]: `From ${field}` }, body));
    expect(withField('description').summary).toBe('From description');
    expect(withField('excerpt').summary).toBe('From excerpt');
    expect(mustParse(articleSource(front, body), 'content/a.md', 'https://blog.example').summary).toBe(
      'Lead *paragraph* with a [link](https://blog.example/x).',
    );
    const long = mustParse(articleSource(front, `${'word '.repeat(200)}\n\n## Tips\n\n- x`)).summary;
    expect(long.length).toBeLessThanOrEqual(500);
    expect(long).toMatch(/^word word .* word…$/);
    const longField = mustParse(articleSource({ ...front, summary: 'long '.repeat(200) }, body)).summary;
    expect(longField.length).toBeLessThanOrEqual(500);
  });

  it('GIVEN no summary and a post that opens with images THEN the first paragraph with text is the summary', () => {
    const front = validFront();
    delete front.summary;
    const lead = (opening: string) =>
      mustParse(articleSource(front, `${opening}\n\nReal *intro*.\n\n## Tips\n\n- x`)).summary;
    expect(lead('![Cover photo](/cover.jpg)')).toBe('Real *intro*.');
    expect(lead('[![Cover](/c.jpg)](/big.jpg) ![Second][two]\n\n[two]: /two.jpg')).toBe('Real *intro*.');
    expect(lead('<span></span>')).toBe('Real *intro*.');
    // A paragraph with text beside its image is the lead.
    expect(lead('![Cover](/c.jpg) The intro.')).toBe('[Cover](https://blog.example/c.jpg) The intro.');
    // A photo's caption in italics below it, on the next line or as a paragraph, goes with it.
    expect(lead('![Offsite](/o.jpg)\n*Our 2023 offsite in Lisbon.*')).toBe('Real *intro*.');
    // Longer, or a paragraph of its own, italics under a picture are the post's own words.
    const intro = `*When I became a manager, ${'I thought I would keep coding every day. '.repeat(3).trim()}*`;
    expect(lead(`![Offsite](/o.jpg)\n${intro}`)).toBe(`[Offsite](https://blog.example/o.jpg) ${intro}`);
    expect(lead('![Offsite](/o.jpg)\n\n_Our offsite._')).toBe('*Our offsite.*');
    // Italics opening a post without a picture above are its lead.
    expect(lead('*Italic intro.*')).toBe('*Italic intro.*');
  });

  it('GIVEN no summary and a <!--more--> divider THEN the paragraphs before it are the summary, as Hugo makes it', () => {
    const front = validFront();
    delete front.summary;
    const lead = (body: string) => mustParse(articleSource(front, `${body}\n\n## Tips\n\n- x`)).summary;
    expect(lead('![Cover](/c.jpg)\n\nFirst *part*.\n\nSecond part.\n\n<!--more-->\n\nThe rest.')).toBe(
      'First *part*.\nSecond part.',
    );
    expect(lead('One.\n\nTwo <!-- more --> three.\n\nFour.')).toBe('One.\nTwo');
    expect(lead('One\nwrapped.\n\nTwo.\n\n<!-- truncate -->\n\nThree.')).toBe('One wrapped.\nTwo.');
    // Without a divider, or with nothing before it: the first paragraph.
    expect(lead('One.\n\nTwo.')).toBe('One.');
    expect(lead('<!--more-->\n\nOne.\n\nTwo.')).toBe('One.');
    expect(lead('- A list first.\n\nOne.\n\nTwo.')).toBe('One.');
  });

  it('GIVEN a summary with marks left open THEN they show as written, so that nothing runs on into the next entries of a list', () => {
    const summary = (text: string) =>
      mustParse(articleSource(validFront({ summary: text }), '## Tips\n\n- x')).summary;
    expect(summary('Starts a fence ``` and **bold and ||spoiler and `tick')).toBe(
      'Starts a fence \\`\\`\\` and \\*\\*bold and \\|\\|spoiler and \\`tick',
    );
    // Closed marks, and plain text, are kept as written; a spoiler, Discord's own, shows as the blog shows it.
    expect(summary('Fine **bold**, `code` and ||hidden||.')).toBe(
      'Fine **bold**, `code` and \\|\\|hidden\\|\\|.',
    );
    expect(summary('Plain words, and more.')).toBe('Plain words, and more.');
    // Its lines are text: a `<` that opens no tag (nor an element's: a React component), a lone
    // element's tag, a rule, a fence or a heading's underline is shown as written (markup is read as
    // the blog's page shows it: test/core/shown-text.test.ts).
    expect(summary('Learn <Suspense> in React, if a <b then <3, or <b>')).toBe(
      'Learn \\<Suspense> in React, if a \\<b then <3, or \\<b>',
    );
    expect(summary('***')).toBe('\\*\\*\\*');
    expect(summary('```js')).toBe('\\`\\`\\`js');
    expect(summary('Title\n===')).toBe('Title\n\\===');
    expect(summary('See [the docs](/docs).')).toBe('See [the docs](https://blog.example/docs).');
    // A first paragraph cut short inside a spoiler closes nothing either.
    const front = validFront();
    delete front.summary;
    const long = `Intro ||${'hidden words '.repeat(60)}|| end.`;
    expect(mustParse(articleSource(front, long)).summary).toMatch(/^Intro \\\|\\\|hidden words .*…$/);
    // Nor does a tip, which a page of tips shows with others (a paired one shows as written too).
    const tips = mustParse(articleSource(validFront(), '## Tips\n\n- Open ||here.\n- A ||real|| spoiler.'));
    expect(tips.sections.tips?.items.map((item) => item.text)).toEqual([
      'Open \\|\\|here.',
      'A \\|\\|real\\|\\| spoiler.',
    ]);
  });

  it('GIVEN no summary and a post of lists alone THEN its first list with text outside the sections is the summary, item by item', () => {
    const front = validFront();
    delete front.summary;
    const lead = (body: string) => mustParse(articleSource(front, body)).summary;
    expect(lead('## Changes\n\n- ![](/i.png)\n- Faster *loads*.\n  - inner\n\n1. Later')).toBe(
      '- Faster *loads*.\n- inner',
    );
    expect(lead('1. ![](/i.png)\n\n## Next\n\n3. First\n4. Second')).toBe('3. First\n4. Second');
    // The tips are /tips's, not the summary.
    expect(lead('## Tips\n\n- First tip.\n\n## Links\n\n- [Home](/)')).toBe(
      '- [Home](https://blog.example/)',
    );
    // A paragraph outside the sections comes first, and one in them last; a post of images alone has no summary.
    expect(lead('- A list.\n\n## Tips\n\nA lead-in.\n\n- x\n\n## End\n\nA paragraph.')).toBe('A paragraph.');
    expect(lead('- A list.\n\n## Tips\n\nA lead-in.\n\n- x')).toBe('- A list.');
    expect(lead('## Tips\n\nA lead-in.\n\n- x')).toBe('A lead-in.');
    expect(lead('![Cover](/c.jpg)\n\n- ![](/i.png)')).toBe('');
  });

  it('GIVEN lists before a <!--more--> divider THEN each item is a line after its marker, items of an item after it', () => {
    const front = validFront();
    delete front.summary;
    const lead = (body: string) => mustParse(articleSource(front, `${body}\n\n## Tips\n\n- x`)).summary;
    expect(
      lead(
        'Steps:\n\n3. Third, *first*\n   wrapped\n\n   with more.\n4. ![](/i.png)\n5. Fifth:\n   - inner\n   - \\# not a heading\n\n<!--more-->',
      ),
    ).toBe('Steps:\n3. Third, *first* wrapped with more.\n5. Fifth:\n- inner\n- \\# not a heading');
  });

  // Prettier's blog (Docusaurus), as the posts are written: their authors' summaries, lists and all.
  const PRETTIER_3_5 = [
    '---',
    'authors: "sosukesuzuki"',
    'title: "Prettier 3.5: New objectWrap option, experimentalOperatorPosition option and TS config file support!"',
    '---',
    '',
    'This release includes a lot of bug fixes and the following new features:',
    '',
    '- Support for the new `objectWrap` option',
    '- Support for the new experimental `experimentalOperatorPosition` option',
    '- Support for TypeScript configuration file',
    '',
    'See each section for details.',
    '',
    '<!-- truncate -->',
    '',
    'If you appreciate Prettier and would like to support our work, please consider sponsoring us directly via [our OpenCollective](https://opencollective.com/prettier).',
    '',
  ].join('\n');
  const PRETTIER_3_8 = [
    '---',
    'authors: "fisker"',
    'title: "Prettier 3.8: Support for Angular v21.1"',
    '---',
    '',
    "We're excited to announce that Prettier now fully supports the fresh features landing in Angular v21.1 (released today 🎉)!",
    '',
    'This update brings cleaner, more expressive templates with:',
    '',
    '- Consecutive `@case` statements in `@switch` blocks.',
    '- Spread elements (`...`) in array literals, object literals, and function calls inside templates.',
    '',
    "We've also added the ability to format Angular syntax beautifully inside Markdown code blocks.",
    '',
    'If you find Prettier valuable and want to help us keep pace with fast-moving frameworks like Angular, please consider [sponsoring us on OpenCollective](https://opencollective.com/prettier) or supporting the projects we rely on. Thank you for being part of this community — your support means a lot!',
    '',
    '<!-- truncate -->',
    '',
    '## Highlights',
    '',
  ].join('\n');

  it("GIVEN Prettier's release posts, a list before <!-- truncate --> THEN the summary keeps the list and the paragraphs' lines, cut at a word within 500", () => {
    const short = mustParse(PRETTIER_3_5, 'website/blog/2025-02-09-3.5.0.md').summary;
    expect(short).toBe(
      [
        'This release includes a lot of bug fixes and the following new features:',
        '- Support for the new `objectWrap` option',
        '- Support for the new experimental `experimentalOperatorPosition` option',
        '- Support for TypeScript configuration file',
        'See each section for details.',
      ].join('\n'),
    );
    const long = mustParse(PRETTIER_3_8, 'website/blog/2026-01-14-3.8.0.md').summary;
    expect(long.split('\n').slice(0, 5)).toEqual([
      "We're excited to announce that Prettier now fully supports the fresh features landing in Angular v21.1 (released today 🎉)!",
      'This update brings cleaner, more expressive templates with:',
      '- Consecutive `@case` statements in `@switch` blocks.',
      '- Spread elements (`...`) in array literals, object literals, and function calls inside templates.',
      "We've also added the ability to format Angular syntax beautifully inside Markdown code blocks.",
    ]);
    // The last paragraph is cut at a word, within 500 code points with the ellipsis.
    const last =
      'If you find Prettier valuable and want to help us keep pace with fast-moving frameworks like Angular, please consider [sponsoring us on OpenCollective](https://opencollective.com/prettier) or supporting';
    expect(long.split('\n')[5]).toMatch(/^If you find Prettier valuable .* [a-z]+…$/);
    expect(last.startsWith(long.split('\n')[5]?.slice(0, -1) ?? 'none')).toBe(true);
    expect(codePointLength(long)).toBeLessThanOrEqual(500);
  });

  it('GIVEN no url THEN permalink, or else ARTICLE_URL filled with the slug and the date', () => {
    const front = validFront();
    delete front.url;
    const parse = (extra: Record<string, unknown>, file: string, articleUrl?: string) => {
      const result = parseArticle({
        file,
        source: articleSource({ ...front, ...extra }, '## Tips\n\n- x'),
        siteUrl: 'https://blog.example',
        articleUrl,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article;
    };
    expect(parse({ permalink: '/about/me/' }, 'content/a.md').url).toBe('https://blog.example/about/me/');
    expect(parse({}, 'content/My Post.md').url).toBe('https://blog.example/blog/my-post');
    const dated = parse({}, 'content/posts/2015-04-06-first-post.md', '/:year/:month/:day/:slug/');
    expect([dated.slug, dated.date, dated.url]).toEqual([
      'first-post',
      '2015-04-06',
      'https://blog.example/2015/04/06/first-post/',
    ]);
    // A pattern that needs a date, for an undated post: no link rather than a wrong one.
    expect(parse({}, 'content/undated.md', '/:year/:slug/').url).toBeUndefined();
    // A Hugo page bundle is named after its folder; the front matter's date wins over the file name's.
    const bundle = parse({ date: '2020-01-02' }, 'content/posts/2019-12-31-bundle/index.md');
    expect([bundle.slug, bundle.date]).toEqual(['bundle', '2020-01-02']);
  });

  describe('ARTICLE_URL with the tokens Jekyll and Hugo name', () => {
    const front = validFront({ tags: ['career'] });
    delete front.url;
    const urlOf = (
      articleUrl: string,
      {
        extra = {},
        file = 'content/posts/2015-04-06-first-post.md',
        contentPath,
      }: { extra?: Record<string, unknown>; file?: string; contentPath?: string } = {},
    ) => {
      const result = parseArticle({
        file,
        source: articleSource({ ...front, ...extra }, '## Tips\n\n- x'),
        siteUrl: 'https://blog.example',
        articleUrl,
        contentPath,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article.url;
    };

    it("GIVEN Jekyll's :title, :short_year, :i_month and :i_day THEN the slug, two digits, no leading zero", () => {
      expect(urlOf('/:short_year/:i_month/:i_day/:title.html')).toBe(
        'https://blog.example/15/4/6/first-post.html',
      );
      expect(urlOf('/:year/:month/:day/:title/', { extra: { date: '2021-11-30' } })).toBe(
        'https://blog.example/2021/11/30/first-post/',
      );
      // Undated, under a pattern that needs a date: no link rather than a wrong one.
      expect(urlOf('/:i_month/:slug/', { file: 'content/undated.md' })).toBeUndefined();
      expect(urlOf('/:short_year/:slug/', { file: 'content/undated.md' })).toBeUndefined();
    });

    it("GIVEN :categories THEN the post's categories (not its tags), lowercased, each once, made safe, joined with /", () => {
      const jekyll = '/:categories/:year/:month/:day/:title.html';
      expect(urlOf(jekyll, { extra: { categories: ['Engineering', 'Team Leads', 'engineering'] } })).toBe(
        'https://blog.example/engineering/team%20leads/2015/04/06/first-post.html',
      );
      // A text is split as for tags: on spaces, as Jekyll does.
      expect(urlOf(jekyll, { extra: { categories: 'Engineering Management' } })).toBe(
        'https://blog.example/engineering/management/2015/04/06/first-post.html',
      );
      expect(urlOf('/:categories/:slug', { extra: { categories: ['a/b?c'] } })).toBe(
        'https://blog.example/a%2Fb%3Fc/first-post',
      );
      // Without categories (tags are no categories), no `//` is left.
      expect(urlOf(jekyll)).toBe('https://blog.example/2015/04/06/first-post.html');
      expect(urlOf('/blog/:categories/:slug/', { extra: { categories: [] } })).toBe(
        'https://blog.example/blog/first-post/',
      );
      expect(urlOf('https://other.example/:categories/:slug')).toBe('https://other.example/first-post');
    });

    it("GIVEN Hugo's :section THEN the first folder of the file in the content folder, as Hugo makes it a path; none at the top level", () => {
      const hugo = '/:section/:slugorfilename/';
      const own = { extra: { slug: 'first-post' } };
      expect(urlOf(hugo, { ...own, contentPath: 'posts/2015-04-06-first-post.md' })).toBe(
        'https://blog.example/posts/first-post/',
      );
      expect(urlOf(hugo, { ...own, contentPath: 'My Blog/2024/2015-04-06-first-post.md' })).toBe(
        'https://blog.example/my-blog/first-post/',
      );
      // A page bundle's folder is the post's, not a section.
      const bundle = { file: 'content/posts/first-post/index.md' };
      expect(urlOf(hugo, { ...bundle, contentPath: 'posts/first-post/index.md' })).toBe(
        'https://blog.example/posts/first-post/',
      );
      expect(urlOf(hugo, { ...bundle, contentPath: 'first-post/index.md' })).toBe(
        'https://blog.example/first-post/',
      );
      expect(urlOf(hugo, { ...own, contentPath: '2015-04-06-first-post.md' })).toBe(
        'https://blog.example/first-post/',
      );
      // Without the path in the content folder there is no section; two empty tokens leave one `/`.
      expect(urlOf('/:section/:categories/:slug/', own)).toBe('https://blog.example/first-post/');
    });

    it("GIVEN a pattern with Hugo's own tokens THEN :slug is the slug or else the title, :title the title, each made a path as Hugo's urlize does", () => {
      const inPosts = { contentPath: 'posts/2015-04-06-first-post.md' };
      expect(urlOf('/:section/:slug/', { ...inPosts, extra: { title: 'Node.js: Tips & Tricks!' } })).toBe(
        'https://blog.example/posts/node.js-tips-tricks/',
      );
      expect(urlOf('/:section/:slug/', { ...inPosts, extra: { slug: 'My-Bundle' } })).toBe(
        'https://blog.example/posts/my-bundle/',
      );
      expect(urlOf('/:sections/:title/', { ...inPosts, extra: { title: 'Café au lait', slug: 'x' } })).toBe(
        'https://blog.example/posts/caf%C3%A9-au-lait/',
      );
      expect(urlOf('/:sections/:slugorfilename/', { ...inPosts, extra: { slug: 'My Bundle' } })).toBe(
        'https://blog.example/posts/my-bundle/',
      );
      // Hugo also keeps `#`, `\` and `%XX` escapes (Sanitize): `#` escaped, or the rest would be a fragment.
      const title = (written: string) =>
        urlOf('/:section/:title/', { ...inPosts, extra: { title: written } });
      expect(title('C# in 100%2F of cases')).toBe('https://blog.example/posts/c%23-in-100%2f-of-cases/');
      expect(title('a\\b ~me+@you')).toBe('https://blog.example/posts/a%5Cb-~me+@you/');
      // A `%` before no escape is left out; any Unicode space is a hyphen, as Go's IsSpace reads it.
      expect(title('100% sure')).toBe('https://blog.example/posts/100-sure/');
      expect(title('Team\u3000Leads\u00a0Now')).toBe('https://blog.example/posts/team-leads-now/');
      // Elsewhere (the bot's own /blog/:slug), the slug as written.
      expect(urlOf('/blog/:slug/', { extra: { slug: 'My-Bundle' } })).toBe(
        'https://blog.example/blog/My-Bundle/',
      );
    });

    it("GIVEN Jekyll's :output_ext THEN .html, as its default permalink writes it", () => {
      expect(
        urlOf('/:categories/:year/:month/:day/:title:output_ext', { extra: { categories: ['News'] } }),
      ).toBe('https://blog.example/news/2015/04/06/first-post.html');
      expect(urlOf('/:slug:output_ext')).toBe('https://blog.example/first-post.html');
    });

    it('GIVEN :categories and a category THEN the categories, then the category, one segment however many its words', () => {
      const jekyll = '/:categories/:year/:month/:day/:title.html';
      expect(urlOf(jekyll, { extra: { category: 'Career Advice' } })).toBe(
        'https://blog.example/career%20advice/2015/04/06/first-post.html',
      );
      expect(urlOf(jekyll, { extra: { categories: 'Work Life', category: 'work' } })).toBe(
        'https://blog.example/work/life/2015/04/06/first-post.html',
      );
      expect(
        urlOf('/:slugified_categories/:slug/', {
          extra: { categories: ['News'], category: 'Career Advice' },
        }),
      ).toBe('https://blog.example/news/career-advice/first-post/');
    });

    it("GIVEN Jekyll's :slugified_categories THEN each category lowercased, every run of other than letters and digits a hyphen, each once", () => {
      const categories = ['Work 2 Progress', 'C++ & Go', 'Été', 'work-2-progress', '-Edge-'];
      expect(urlOf('/:slugified_categories/:slug/', { extra: { categories } })).toBe(
        'https://blog.example/work-2-progress/c-go/%C3%A9t%C3%A9/edge/first-post/',
      );
      expect(urlOf('/:slugified_categories/:slug/')).toBe('https://blog.example/first-post/');
    });

    it("GIVEN Hugo's :sections THEN every folder of the file in the content folder, but a page bundle's own", () => {
      const sections = (contentPath?: string, file?: string) =>
        urlOf('/:sections/:slug/', {
          extra: { slug: 'first-post' },
          ...(contentPath === undefined ? {} : { contentPath }),
          ...(file === undefined ? {} : { file }),
        });
      expect(sections('Blog/2024/2015-04-06-first-post.md')).toBe(
        'https://blog.example/blog/2024/first-post/',
      );
      expect(
        sections('posts/Team  Leads/first-post/index.md', 'content/posts/Team  Leads/first-post/index.md'),
      ).toBe('https://blog.example/posts/team-leads/first-post/');
      expect(sections('2015-04-06-first-post.md')).toBe('https://blog.example/first-post/');
      expect(sections()).toBe('https://blog.example/first-post/');
    });

    it("GIVEN Hugo's :filename or :contentbasename THEN the file's name as Hugo makes it a path, its date kept; :slugorfilename the front matter's slug first", () => {
      expect(urlOf('/posts/:filename/')).toBe('https://blog.example/posts/2015-04-06-first-post/');
      expect(urlOf('/:contentbasename/', { file: 'content/posts/Café  au lait (draft).md' })).toBe(
        'https://blog.example/caf%C3%A9-au-lait-draft/',
      );
      // A page bundle is named after its folder.
      const bundle = { file: 'content/posts/Team-Work/index.md', contentPath: 'posts/Team-Work/index.md' };
      expect(urlOf('/:sections/:filename/', bundle)).toBe('https://blog.example/posts/team-work/');
      expect(urlOf('/:slugorfilename/')).toBe('https://blog.example/2015-04-06-first-post/');
      expect(urlOf('/:slugorcontentbasename/', { extra: { slug: 'own' } })).toBe('https://blog.example/own/');
      // :slug is the front matter's, or else the file's name without its date.
      expect(urlOf('/:slug/:filename/', { extra: { slug: 'own' } })).toBe(
        'https://blog.example/own/2015-04-06-first-post/',
      );
    });
  });

  it("GIVEN :filepath THEN the file's path in the content folder as written, without its extension or a last index: Eleventy's default address", () => {
    const url = (contentPath: string | undefined, file = `blog/${contentPath ?? 'x.md'}`) => {
      const result = parseArticle({
        file,
        source: articleSource({ title: 'T', tags: ['a'] }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl: '/:filepath/',
        contentPath,
      });
      return result.ok ? result.article.url : undefined;
    };
    expect(url('posts/2024-01-05-My-Post.md')).toBe('https://blog.example/posts/2024-01-05-My-Post/');
    expect(url('posts/My Post.fr.md')).toBe('https://blog.example/posts/My%20Post.fr/');
    expect(url('posts/team/index.md')).toBe('https://blog.example/posts/team/');
    // A file named as its folder is the folder's index, as Eleventy writes it; only the same name as written.
    expect(url('posts/my-post/my-post.md')).toBe('https://blog.example/posts/my-post/');
    expect(url('my-post/my-post.markdown')).toBe('https://blog.example/my-post/');
    expect(url('posts/My-Post/my-post.md')).toBe('https://blog.example/posts/My-Post/my-post/');
    expect(url('posts/posts/other.md')).toBe('https://blog.example/posts/posts/other/');
    // Without the path in the content folder, the file's name.
    expect(url(undefined, 'elsewhere/Note.markdown')).toBe('https://blog.example/Note/');
    expect(unknownArticleUrlTokens('/posts/:filepath/')).toEqual([]);
  });

  it('GIVEN an ARTICLE_URL with a date and undated posts THEN content:check is told which have no address and why, as a note', () => {
    const parse = (file: string, front: Record<string, unknown>, articleUrl: string) => {
      const result = parseArticle({
        file,
        source: articleSource({ title: 'T', tags: ['a'], ...front }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article;
    };
    const dated = '/:year/:month/:slug/';
    const articles = [
      parse('content/undated.md', {}, dated),
      parse('content/2024-01-05-dated.md', {}, dated),
      parse('content/own.md', { url: '/own/' }, dated),
    ];
    expect(articles.map((article) => article.url)).toEqual([
      undefined,
      'https://blog.example/2024/01/dated/',
      'https://blog.example/own/',
    ]);
    expect(unlinkedNotes(articles, dated)).toEqual([
      '1 article(s) without an address, not linked: ARTICLE_URL /:year/:month/:slug/ needs a date they have not (give each a date, a YYYY-MM-DD- file name or a url):',
      '  content/undated.md',
    ]);
    expect(unlinkedNotes([parse('content/undated.md', {}, '/blog/:slug')], '/blog/:slug')).toEqual([]);
  });

  it("GIVEN a token naming the post that comes out empty (a Hugo post with neither slug nor title under :slug) THEN no address, not its section's page, and content:check says why", () => {
    const parse = (
      file: string,
      front: Record<string, unknown>,
      articleUrl: string,
      contentPath?: string,
    ) => {
      const result = parseArticle({
        file,
        source: articleSource({ tags: ['a'], ...front }, 'Text.'),
        siteUrl: 'https://blog.example',
        articleUrl,
        contentPath,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article;
    };
    const hugo = '/:section/:slug/';
    const untitled = parse('content/posts/no-title.md', {}, hugo, 'posts/no-title.md');
    // Titled from its file name for the bot, but Hugo's :slug has neither slug nor title: no `/posts/`.
    expect([untitled.title, untitled.url]).toEqual(['No Title', undefined]);
    const articles = [
      untitled,
      parse('content/posts/symbols.md', { title: '!!!' }, '/:sections/:title/', 'posts/symbols.md'),
      parse('content/posts/titled.md', { title: 'Titled' }, hugo, 'posts/titled.md'),
    ];
    expect(articles.map((article) => article.url)).toEqual([
      undefined,
      undefined,
      'https://blog.example/posts/titled/',
    ]);
    // Hugo's default pattern names it by its file name: an address.
    expect(
      parse('content/posts/no-title.md', {}, '/:sections/:slugorfilename/', 'posts/no-title.md').url,
    ).toBe('https://blog.example/posts/no-title/');
    expect(unlinkedNotes(articles, hugo, 'https://blog.example')).toEqual([
      `2 article(s) without an address, not linked: ARTICLE_URL ${hugo} names each by :slug, which came out empty for them, and would have linked the page above it (give each a slug or title with letters or digits, or a url):`,
      '  content/posts/no-title.md',
      '  content/posts/symbols.md',
    ]);
    // Both reasons under a dated pattern, each said apart; without SITE_URL no address resolves, so none is blamed on its name.
    const dated = '/:year/:slug/';
    const both = [
      { file: 'undated.md' },
      { file: 'unnamed.md', date: '2024-01-05' },
      { file: 'linked.md', date: '2024-01-05', url: 'https://blog.example/2024/linked/' },
    ];
    expect(unlinkedNotes(both, dated, 'https://blog.example')).toEqual([
      expect.stringMatching(/^1 article\(s\) .* needs a date they have not/),
      '  undated.md',
      expect.stringMatching(/^1 article\(s\) .* names each by :slug, which came out empty/),
      '  unnamed.md',
    ]);
    expect(unlinkedNotes(both, dated)).toEqual([expect.stringMatching(/needs a date/), '  undated.md']);
  });

  it('GIVEN an ARTICLE_URL THEN the tokens it would leave unfilled are named, the host and port not looked at', () => {
    expect(unknownArticleUrlTokens('/:categories/:year/:month/:day/:title:output_ext')).toEqual([]);
    expect(unknownArticleUrlTokens('https://blog.example:8080/:sections/:slugorcontentbasename/')).toEqual(
      [],
    );
    expect(unknownArticleUrlTokens('/:lang/:slug/:06/:sections[1:]/:section_x')).toEqual([
      ':lang',
      ':06',
      ':sections[1:]',
      ':section_x',
    ]);
  });

  it("GIVEN Jekyll's permalink styles by name THEN the patterns Jekyll gives them; ordinal's and weekdate's tokens are not filled", () => {
    expect(expandArticleUrl('pretty')).toBe('/:categories/:year/:month/:day/:title/');
    expect(expandArticleUrl('/blog/:slug')).toBe('/blog/:slug');
    expect(expandArticleUrl('hasOwnProperty')).toBe('hasOwnProperty');
    expect(
      Object.fromEntries(
        Object.entries(JEKYLL_PERMALINK_STYLES).map(([name, pattern]) => [
          name,
          unknownArticleUrlTokens(pattern),
        ]),
      ),
    ).toEqual({ date: [], pretty: [], none: [], ordinal: [':y_day'], weekdate: [':week', ':short_day'] });
    const url = (articleUrl: string) => {
      const result = parseArticle({
        file: 'content/_posts/2015-04-06-first-post.md',
        source: articleSource({ title: 'T', tags: ['a'], categories: ['Career'] }, '## Tips\n\n- x'),
        siteUrl: 'https://blog.example',
        articleUrl,
      });
      return result.ok ? result.article.url : undefined;
    };
    expect(url(expandArticleUrl('date'))).toBe('https://blog.example/career/2015/04/06/first-post.html');
    expect(url(expandArticleUrl('pretty'))).toBe('https://blog.example/career/2015/04/06/first-post/');
    expect(url(expandArticleUrl('none'))).toBe('https://blog.example/career/first-post.html');
  });

  it('GIVEN a date-time, with or without a zone THEN keeps the day as written', () => {
    for (const [written, day] of [
      ['2024-01-05T23:00:00-05:00', '2024-01-05'],
      ["'2014-03-12T10:11:00-04:00'", '2014-03-12'],
      ['2014-03-12 10:11', '2014-03-12'],
      ['2015-04-06T00:00:00Z', '2015-04-06'],
      // YAML's own timestamps: a lowercase "t", spaces before the zone, a one-digit zone hour.
      ['2001-12-14t21:59:43.10-05:00', '2001-12-14'],
      ['2001-12-14 21:59:43.10 -5', '2001-12-14'],
      ['2001-12-14 2:59:43.10', '2001-12-14'],
      ['2001-12-15T02:59:43.1Z', '2001-12-15'],
      ['2001-12-14 21:59:43.10 Z', '2001-12-14'],
      // A one-digit month or day, as Jekyll's YAML reader takes it.
      ['2024-9-5', '2024-09-05'],
      ["'2024-1-15 10:30'", '2024-01-15'],
    ]) {
      const source = `---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\ndate: ${written}\n---\n## Tips\n- x\n`;
      expect(mustParse(source).date, written).toBe(day);
    }
  });

  it('GIVEN a day that does not exist THEN reports it instead of rolling it over', () => {
    for (const date of [
      '2024-02-30',
      '"2023-02-29"',
      '2024-2-30',
      '2024-02-30T10:00:00Z',
      '2024-02-30 21:59:43.10 -5',
      '2024-02-30 18:30:22 2023 -0800',
      'Jul 08',
      '08 2022',
    ]) {
      const problems = problemsOf(
        `---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\ndate: ${date}\n---\n## Tips\n- x\n`,
      );
      expect(problems, date).toEqual([
        {
          file: 'content/bad.md',
          line: 6,
          field: 'date',
          message: expect.stringMatching(/YYYY-MM-DD/) as string,
        },
      ]);
    }
    expect(mustParse(articleSource(validFront({ date: '2024-02-29' }), '## Tips\n\n- x')).date).toBe(
      '2024-02-29',
    );
  });

  it('GIVEN no front matter THEN says so', () => {
    expect(problemsOf('## Tips\n\n- x\n')[0]?.message).toMatch(/no front matter/);
  });

  it("GIVEN a file in Jekyll's _posts without front matter THEN no post and no problem: Jekyll copies it as a static file", () => {
    const staticFile = { ok: false, problems: [], unpublished: true, staticFile: true };
    const source = '## Tips\n\n- x\n';
    for (const [file, contentPath] of [
      ['site/_posts/2024-01-05-slides.md', '_posts/2024-01-05-slides.md'],
      ['site/a/_posts/deep/notes.md', 'a/_posts/deep/notes.md'],
      // CONTENT_DIR at the _posts folder itself.
      ['blog/_posts/2024-01-05-slides.md', '2024-01-05-slides.md'],
    ] as const)
      expect(parseArticle({ file, contentPath, source }), file).toEqual(staticFile);
    // Elsewhere, a Markdown file is read as an article, and one without front matter is a problem.
    expect(parseArticle({ file: 'content/posts/x.md', contentPath: 'posts/x.md', source })).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/^no front matter/) as string }],
    });
    // Front matter that is wrong is still a problem in _posts.
    expect(
      parseArticle({ file: 'site/_posts/2024-01-05-x.md', source: '---\ntitle: [\n---\n' }),
    ).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/^invalid YAML/) as string }],
    });
  });

  it('GIVEN front matter that is a list or a lone value THEN says it is no set of fields', () => {
    for (const front of ['- a\n- b', 'just text'])
      expect(problemsOf(`---\n${front}\n---\n## Tips\n- x\n`), front).toEqual([
        {
          file: 'content/bad.md',
          line: 1,
          message: 'front matter: expected fields ("title: …" lines), not a list or a value',
        },
      ]);
  });

  it('GIVEN none of the sections THEN it is an article all the same, without sections', () => {
    const article = mustParse(
      articleSource(validFront(), '## Introduction\n\nHello.\n\n## Closing\n\n- Bye'),
    );
    expect([article.sections, article.summary]).toEqual([{}, 'What it says.']);
    expect(mustParse(articleSource(validFront(), '')).sections).toEqual({});
  });

  it('GIVEN an empty section THEN names its line', () => {
    const problems = problemsOf(articleSource(validFront(), '## Tips\n\n## Skills\n\n- x'));
    expect(problems[0]).toMatchObject({
      line: 8,
      field: 'tips',
      message: 'the section "Tips" is empty: write its items, or remove the heading',
    });
  });

  it('GIVEN the same section twice THEN it is one section: the first heading names it, the items of both follow', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## For new managers\n\n### Tips\n\n- a\n\n#### Talk\n\nOften.\n\n## For staff engineers\n\n### tips\n\nLead in.\n\n- b\n\n## Skills\n\n- c',
      ),
    );
    expect(article.sections.tips).toMatchObject({
      heading: 'Tips',
      line: 10,
      text: '',
      items: [
        { text: 'a', line: 12 },
        { name: 'Talk', text: 'Often.', line: 14 },
        { text: 'b', line: 24 },
      ],
      // The second part's lead-in, before its items.
      interludes: [{ after: 1, text: 'Lead in.' }],
    });
    // The second part ends where a heading as high as its own comes: Skills is a section of its own.
    expect(article.sections.skills?.items).toEqual([{ text: 'c', line: 28 }]);
  });

  it('GIVEN two headings that `sections` maps to one kind THEN both are that section', () => {
    const front = validFront({ sections: { skills: ['What it takes', 'Skills to build'] } });
    const article = mustParse(articleSource(front, '## What it takes\n\n- a\n\n## Skills to build\n\n- b'));
    expect(article.sections.skills?.items.map((item) => item.text)).toEqual(['a', 'b']);
  });

  it('GIVEN items or headings that are only bold text or a heading THEN each is a tip of that text, not a name', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- **Be patient**\n- **Be *kind***\n\n### Ask questions\n\n### Listen\n\nFirst.',
      ),
    );
    expect(article.sections.tips?.items).toEqual([
      { text: '**Be patient**', line: 10 },
      { text: '**Be _kind_**', line: 11 },
      { text: 'Ask questions', line: 13 },
      { name: 'Listen', text: 'First.', line: 15 },
    ]);
  });

  it("GIVEN items made only of HTML that shows no text THEN they are left out; an HTML block's text is an item; an item empty as written is reported", () => {
    const source = articleSource(
      validFront(),
      '## Tips\n\n- <div>hi</div>\n- <br>\n- <!-- later -->\n-\n- **Kept:** text\n- **Lonely:** <br>',
    );
    expect(problemsOf(source)).toEqual([
      {
        file: 'content/bad.md',
        line: 13,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    const article = mustParse(source.replace('\n-\n', '\n- Listen.\n'));
    expect(article.sections.tips?.items).toEqual([
      { text: 'hi', line: 10 },
      { text: 'Listen.', line: 13 },
      { name: 'Kept', text: 'text', line: 14 },
    ]);
  });

  it('GIVEN thousands of empty items THEN the first twenty are named, and the rest counted', () => {
    const problems = problemsOf(articleSource(validFront(), `## Tips\n\n${'-\n'.repeat(5000)}`));
    expect(problems).toHaveLength(21);
    expect(problems[0]).toEqual({
      file: 'content/bad.md',
      line: 10,
      field: 'tips',
      message: 'the item is empty: write its text, or remove the item',
    });
    expect(problems[20]).toEqual({ file: 'content/bad.md', message: 'and 4980 more problems like these' });
  });

  it('GIVEN an empty item or section with a tag only after it or in its heading THEN it is still empty as written, and reported', () => {
    expect(problemsOf(articleSource(validFront(), '## Tips\n\n- a\n-\n{{< x >}}\n'))).toEqual([
      {
        file: 'content/bad.md',
        line: 11,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    expect(
      problemsOf(articleSource(validFront(), '## Tips\n\n-\n{% comment %}\nhidden\n{% endcomment %}\n')),
    ).toEqual([
      {
        file: 'content/bad.md',
        line: 10,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    expect(problemsOf(articleSource(validFront(), '## Tips {{< icon >}}\n\n## Skills\n\n- s'))).toEqual([
      {
        file: 'content/bad.md',
        line: 8,
        field: 'tips',
        message: expect.stringMatching(/the section "Tips" is empty/) as string,
      },
    ]);
  });

  it('GIVEN a section made only of HTML or template tags THEN the article has no such section; an empty one as written is reported', () => {
    const only = (body: string) => mustParse(articleSource(validFront(), body)).sections;
    const html = '<div class="clear"></div>\n<script>track()</script>';
    expect(only(`## Tips\n\n${html}\n\n## Skills\n\n- Listen`)).toEqual({
      skills: expect.objectContaining({ items: [{ text: 'Listen', line: 15 }] }) as unknown,
    });
    // An image in HTML is one as in Markdown: a link to it.
    expect(only('## Tips\n\n<figure><img src="/x.png"></figure>').tips?.text).toBe(
      '[image](https://blog.example/x.png)',
    );
    expect(only('## Tips\n\n{{< youtube id="x" >}}\n\n## Other\n\nText.')).toEqual({});
    expect(only('## Tips\n\n- {{< figure src="a" >}}\n- {% include b.html\n  c=1 %}\n')).toEqual({});
    expect(problemsOf(articleSource(validFront(), '## Tips\n\n## Other\n\nText.'))).toEqual([
      {
        file: 'content/bad.md',
        line: 8,
        field: 'tips',
        message: expect.stringMatching(/the section "Tips" is empty/) as string,
      },
    ]);
  });
});

describe('what a generator expands or compiles is left out, lines kept', () => {
  const front = '---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\n---\n';

  it('GIVEN a tag over several lines in a link, at a paragraph end, or after a quote or list mark THEN nothing of it shows', () => {
    const tips = (body: string) => mustParse(`${front}## Tips\n\n${body}\n`).sections.tips?.text;
    expect(tips('See [the post {{< icon\n  x >}}](/p) now.')).toBe(
      'See [the post](https://blog.example/p) now.',
    );
    expect(tips('Intro {{< x\n>}}')).toBe('Intro');
    expect(tips('> {{< quote\n  a >}} quoted tip')).not.toMatch(/<!--|-->|&#x/);
  });

  it('GIVEN a quote or a nested list item that held only a tag or HTML THEN no bare ">" or "-" is left', () => {
    const skills = (body: string) => mustParse(`${front}## Skills\n\n${body}\n`).sections.skills;
    expect(skills('> {{< x\n> >}}\n\nAfter.')?.text).toBe('After.');
    expect(skills('> <span></span>\n\nAfter.')?.text).toBe('After.');
    expect(skills('- Ask\n  - <b></b>\n  - Listen')?.items.map((item) => item.text)).toEqual([
      expect.not.stringMatching(/^\s*-\s*$/m) as string,
    ]);
  });

  it('GIVEN a tag or component over several lines inside a list item THEN the item stays whole, its lines kept', () => {
    const tags = `${front}## Tips\n\n- **Gist:** {{< gist\n  user=a\n  id=b >}} is a gist.\n- Line {% include x.html\n   a=1 %}\n  goes on.\n\n{{< figure\n  src="x" >}}\n\nAfter.\n`;
    expect(mustParse(tags).sections.tips).toMatchObject({
      text: '',
      items: [
        { name: 'Gist', text: 'is a gist.', line: 9 },
        { text: 'Line goes on.', line: 12 },
      ],
      interludes: [{ after: 1, text: 'After.' }],
    });
    const mdx = `${front}## Tips\n\n- **Pic:** see <Image\n  src="x"\n/> here.\n- Two\n`;
    expect(mustParse(mdx, 'content/a.mdx').sections.tips?.items).toEqual([
      { name: 'Pic', text: 'see here.', line: 9 },
      { text: 'Two', line: 12 },
    ]);
  });

  it('GIVEN Hugo shortcodes and Liquid tags in sections THEN only their text is left, and problems name the right lines', () => {
    const source = `${front}## Tips\n\n{% comment %}\nLater.\n{% endcomment %}\n- **Ask:** {{< note >}}for *feedback*{{< /note >}} {{ site.x }}\n- {% if a %}{% endif %}\n-\n`;
    expect(problemsOf(source)).toEqual([
      {
        file: 'content/bad.md',
        line: 14,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    // An item that was only tags shows nothing, and is left out.
    expect(mustParse(source.replace('\n-\n', '\n- Last.\n')).sections.tips?.items).toEqual([
      { name: 'Ask', text: 'for *feedback*', line: 12 },
      { text: 'Last.', line: 14 },
    ]);
    const article = mustParse(source.replace('- {% if a %}{% endif %}\n-\n', '- {{< x >}}Listen.\n'));
    expect(article.sections.tips?.items).toEqual([
      { name: 'Ask', text: 'for *feedback*', line: 12 },
      { text: 'Listen.', line: 13 },
    ]);
  });

  it("GIVEN a link to a template tag naming another post (Hugo's ref, Jekyll's link) THEN it links to that post, or else keeps its text", () => {
    const linking = mustParse(
      `${front}## Tips\n\n- Read [the first post]({{< ref "first.md" >}}) and [this]({% link _posts/x.md %}).\n- [Home](/)\n`,
      'content/posts/a.md',
    );
    expect(linking.pageRefs).toBe(true);
    const first = mustParse('---\ntitle: First\nslug: one\n---\nHi.\n', 'content/posts/first.md');
    const { index } = buildIndex([linking, first]);
    expect(index.bySlug('a')?.sections.tips?.items.map((item) => item.text)).toEqual([
      'Read [the first post](https://blog.example/blog/one) and this.',
      '[Home](https://blog.example/)',
    ]);
    // The post itself, as parsed, holds no address that another index would not share.
    expect(mustParse(`${front}Hi.\n`).pageRefs).toBeUndefined();
  });

  // Hugo's and Docusaurus's links to a Markdown file are to the post written in it.
  it('GIVEN a relative link to a Markdown file THEN it links to the post in that file, else keeps its text', () => {
    const linking = mustParse(
      `${front}## Tips\n\n- See [b](b.md#why), [up](../posts/b.markdown), [c](./c/index.md) and [gone](./gone.md).\n- ![chart](chart.png) and [notes](notes.txt).\n`,
      'content/posts/a.md',
    );
    const b = mustParse('---\ntitle: B\n---\nB.\n', 'content/posts/b.markdown');
    const c = mustParse('---\ntitle: C\n---\nC.\n', 'content/posts/c/index.md');
    const { index } = buildIndex([linking, b, c]);
    expect(index.bySlug('a')?.sections.tips?.items.map((item) => item.text)).toEqual([
      'See [b](https://blog.example/blog/b#why), [up](https://blog.example/blog/b), [c](https://blog.example/blog/c) and gone.',
      '[chart](https://blog.example/chart.png) and [notes](https://blog.example/notes.txt).',
    ]);
  });

  // jekyllrb.com's news posts: the site makes GitHub addresses of these, the bot could only make 404s on SITE_URL.
  it('GIVEN links whose address starts with a template tag, a reference to a {% post_url %}, a tag over two lines THEN their text stays', () => {
    const body = [
      'Fixes a [critical bug]({{ site.repository }}/issues/1794) and, [we released Jekyll 1.0.0][jekyll-1].',
      '',
      '## Tips',
      '',
      '- Exit codes ([#1338]({{ site.repository',
      '}}/issues/1338)) and [About]({{ site.baseurl }}/about/).',
      '- Last.',
      '',
      '[jekyll-1]: {% post_url 2013-05-06-jekyll-1-0-0-released %}',
    ].join('\n');
    const article = buildIndex([mustParse(`${front.replace('summary: S\n', '')}${body}\n`)]).index
      .articles[0];
    // No post of that name: its text alone.
    expect(article?.summary).toBe('Fixes a critical bug and, we released Jekyll 1.0.0.');
    expect(article?.sections.tips?.items).toEqual([
      { text: 'Exit codes (#1338) and [About](https://blog.example/about/).', line: 10 },
      { text: 'Last.', line: 12 },
    ]);
  });

  it('GIVEN {% highlight %} and {% raw %} THEN code as written, with its language', () => {
    const article = mustParse(
      `${front}## Skills\n\n{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %}\n{% endhighlight %}\n\n{% raw %}- Show {{ this }}{% endraw %}\n`,
    );
    expect(article.sections.skills?.text).toBe('```liquid\n{{ page.title }}\n```');
    expect(article.sections.skills?.items.map((item) => item.text)).toEqual(['Show {{ this }}']);
  });

  it('GIVEN a summary, description or excerpt with template tags THEN they are left out; one that is only a tag is none', () => {
    const withSummary = (field: string, value: string) =>
      mustParse(`---\ntitle: T\n${field}: ${JSON.stringify(value)}\n---\nThe lead.\n`).summary;
    expect(withSummary('summary', 'Read {{< ref "x" >}} this {% if a %}now{% endif %}.')).toBe(
      'Read this now.',
    );
    expect(withSummary('description', '{{ site.description }}')).toBe('The lead.');
    expect(withSummary('excerpt', '{% raw %}{{ x }}{% endraw %}')).toBe('{{ x }}');
  });

  it('GIVEN a summary that is only a template tag and a description or an excerpt THEN the next field is the summary', () => {
    const parse = (fields: string) => mustParse(`---\ntitle: T\n${fields}\n---\nThe lead.\n`).summary;
    expect(parse('summary: "{{ page.excerpt }}"\ndescription: Real description.')).toBe('Real description.');
    expect(parse('summary: "{{ page.excerpt }}"\ndescription: "{{ x }}"\nexcerpt: The excerpt.')).toBe(
      'The excerpt.',
    );
    // A problem names the field it was read from.
    const result = parseArticle({
      file: 'content/a.md',
      source: `---\ntitle: T\nsummary: "{{ x }}"\ndescription: "${'['.repeat(200)}x](/y)"\n---\nThe lead.\n`,
    });
    expect(result.ok ? [] : result.problems.map((problem) => [problem.field, problem.line])).toEqual([
      ['description', 4],
    ]);
  });

  it('GIVEN a list nested 1,000 deep in a comment or in highlighted code THEN it is not counted: the bounds see the text left', () => {
    const deep = `${'- '.repeat(1000)}x`;
    const article = mustParse(
      `${front}## Tips\n\n{% comment %}\n${deep}\n{% endcomment %}\n{{< highlight md >}}\n${deep}\n{{< /highlight >}}\n\n- **One:** first\n`,
    );
    expect(article.sections.tips?.items.map((item) => item.name)).toEqual(['One']);
  });

  it('GIVEN an .mdx post THEN its imports, exports, components and expressions are left out, and the slug is its name', () => {
    const source = [
      '---',
      'title: T',
      '---',
      "import { Callout } from '../components/callout'",
      '',
      'export const year = 2024',
      '',
      'Lead in {year}. <Badge text="new" />',
      '',
      '## Tips',
      '',
      '<Callout type="info">',
      '    Indented inside a component: prose, not code.',
      '</Callout>',
      '',
      '- **Ask:** <Em>for</Em> feedback {/* soon */}',
      '- <YouTube id="x" />',
    ].join('\n');
    // The item that was only a component (a video on the page) is left out.
    const article = mustParse(source, 'content/posts/My Post.mdx');
    expect([article.slug, article.summary, article.sections.tips]).toEqual([
      'my-post',
      'Lead in.',
      {
        kind: 'tips',
        heading: 'Tips',
        line: 10,
        text: 'Indented inside a component: prose, not code.',
        items: [{ name: 'Ask', text: 'for feedback', line: 16 }],
      },
    ]);
  });

  it('GIVEN an .mdx section whose list is inside components, indented or not THEN its items are items, and inline components stay in their sentence', () => {
    const tips = (body: string[]) =>
      mustParse(['---', 'title: T', '---', '## Tips', '', ...body].join('\n'), 'content/a.mdx').sections.tips;
    expect(
      tips(['<Callout type="info">', '- **First:** do this', '- Then that', '</Callout>']),
    ).toMatchObject({
      text: '',
      items: [
        { name: 'First', text: 'do this', line: 7 },
        { text: 'Then that', line: 8 },
      ],
    });
    // Nested components, their content indented as MDX authors write it (four spaces in MDX are no code).
    expect(
      tips([
        '<Tabs>',
        '  <Tab label="New leads">',
        '    Before you start:',
        '    1. **Ask:** for feedback',
        '    2. Press <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd> often.',
        '       > A quote in the item.',
        '  </Tab>',
        '</Tabs>',
        '',
        '<Note>',
        '\t- Indented by a tab',
        '</Note>',
      ]),
    ).toEqual({
      kind: 'tips',
      heading: 'Tips',
      line: 4,
      text: 'Before you start:',
      items: [
        { name: 'Ask', text: 'for feedback', line: 9, number: 1 },
        { text: 'Press Ctrl+S often.\n\n> A quote in the item.', line: 10, number: 2 },
        { text: 'Indented by a tab', line: 16 },
      ],
    });
  });

  it('GIVEN an .mdx list, then a component at column 0 holding a list or sub-headings THEN the component ends the list before it: its blocks are items of their own', () => {
    const tips = (body: string[]) =>
      mustParse(['---', 'title: T', '---', '## Tips', '', ...body].join('\n'), 'content/a.mdx').sections.tips
        ?.items;
    expect(
      tips([
        '- **Before:** plain.',
        '',
        '<Tabs>',
        '  <Tab label="First">',
        '    - **Tab tip A:** indented in tab.',
        '  </Tab>',
        '</Tabs>',
      ]),
    ).toEqual([
      { name: 'Before', text: 'plain.', line: 6 },
      { name: 'Tab tip A', text: 'indented in tab.', line: 10 },
    ]);
    expect(
      tips([
        '<Callout>',
        '- **A:** in the callout.',
        '</Callout>',
        '',
        '<Tabs>',
        '  <Tab label="x">',
        '    - **B:** in the tab.',
        '  </Tab>',
        '</Tabs>',
      ]),
    ).toEqual([
      { name: 'A', text: 'in the callout.', line: 7 },
      { name: 'B', text: 'in the tab.', line: 12 },
    ]);
    // A sub-heading with nothing under it but the closing tag is a tip of its own.
    expect(
      tips([
        '- **Before:** plain.',
        '',
        '<Steps>',
        '  ### 1. Step heading',
        '  Do it.',
        '  ### 2. Last step',
        '</Steps>',
      ]),
    ).toEqual([
      { name: 'Before', text: 'plain.', line: 6 },
      { name: 'Step heading', text: 'Do it.', line: 9, number: 1 },
      { text: 'Last step', line: 11, number: 2 },
    ]);
    // A component indented inside a list item stays inside it.
    expect(tips(['- Item', '  <Callout>', '  - nested', '  </Callout>', '- Next'])).toEqual([
      { text: 'Item\n\n- nested', line: 6 },
      { text: 'Next', line: 10 },
    ]);
    // An ordered list that a self-closing component at column 0 interrupts: the numbers go on.
    expect(tips(['1. One', '2. Two', '<Divider />', '3. Three'])).toEqual([
      { text: 'One', line: 6, number: 1 },
      { text: 'Two', line: 7, number: 2 },
      { text: 'Three', line: 9, number: 3 },
    ]);
    // A component line ends a paragraph, however far in it is, as the blank line it was read as did.
    expect(
      mustParse(
        ['---', 'title: T', '---', '## Tips', '', 'Para text', '    <Badge />', 'More'].join('\n'),
        'content/a.mdx',
      ).sections.tips?.text,
    ).toBe('Para text\n\nMore');
  });

  it("GIVEN template tags in indented code THEN they are shown as written, as in fenced code; in a list item's indented paragraph, or in MDX (prose), they go", () => {
    const body = [
      '## Tips',
      '',
      'Write it so:',
      '',
      '    {{ page.title }} {% if x %}',
      '    {{</* note */>}}',
      '',
      '1. **Ask:** first.',
      '',
      '    Then {{ page.more }}listen.',
    ].join('\n');
    const tips = (file: string) => mustParse(`${front}${body}\n`, file).sections.tips;
    expect(tips('content/a.md')).toEqual({
      kind: 'tips',
      heading: 'Tips',
      line: 7,
      text: 'Write it so:\n\n```\n{{ page.title }} {% if x %}\n{{< note >}}\n```',
      items: [{ name: 'Ask', text: 'first.\n\nThen listen.', line: 14, number: 1 }],
    });
    expect(tips('content/a.mdx')).toEqual({
      kind: 'tips',
      heading: 'Tips',
      line: 7,
      text: 'Write it so:',
      items: [{ name: 'Ask', text: 'first.\n\nThen listen.', line: 14, number: 1 }],
    });
  });

  it('GIVEN the same text in an .md post THEN no MDX is read: imports are text, a tag is HTML (`<Em>` is emphasis)', () => {
    const article = mustParse(
      "---\ntitle: T\n---\nimport x from 'y'\n\n## Tips\n\n- **Ask:** <Em>for</Em> feedback {year}\n",
      'content/my-post.md',
    );
    expect([article.summary, article.sections.tips?.items[0]?.text]).toEqual([
      "import x from 'y'",
      '*for* feedback {year}',
    ]);
  });
});

/** An article whose tips section holds `body`: its first line is line 10 of the file. */
const withTips = (body: string): string => articleSource(validFront(), `## Tips\n\n${body}`);
const DEEP_CONTAINERS = 'nesting deeper than 32 levels (lists or quotes); flatten it';
const DEEP_NODES = 'nesting deeper than 32 levels (lists, quotes, emphasis or links); flatten it';
const CROWDED =
  'more than 128 emphasis marks or brackets, or brackets nested more than 8 deep, in one paragraph; simplify it';

describe('hostile front matter is read as data, never run', () => {
  const pwned = globalThis as { __pwned?: unknown };
  afterEach(() => {
    delete pwned.__pwned;
  });

  it.each(['coffee', 'cson', 'wasm-made-up', 'constructor', '__proto__'])(
    'GIVEN "---%s" front matter THEN nothing is evaluated and line 1 names the format',
    (name) => {
      for (const source of [
        `---${name}\n{ title: (globalThis.__pwned = 1, 'x'), tags: ['a'], url: '/x', summary: 'S' }\n---\n## Tips\n- x\n`,
        // gray-matter drops a BOM before reading the format name: so must the check.
        `\uFEFF---${name} \n(globalThis.__pwned = 1)\n---\n## Tips\n- x\n`,
        `---${name}`,
      ]) {
        const problems = problemsOf(source);
        expect(pwned.__pwned).toBeUndefined();
        expect(problems).toEqual([
          {
            file: 'content/bad.md',
            line: 1,
            message: `front matter: "---${name}" is not a data format; write YAML between "---" lines (or TOML between "+++" lines, or JSON after "---json")`,
          },
        ]);
      }
    },
  );

  it.each(['js', 'javascript', 'JS'])(
    'GIVEN "---%s" front matter that is code THEN nothing is evaluated and the line of the field that is code names it',
    (name) => {
      expect(
        problemsOf(
          `---${name}\n{ title: (globalThis.__pwned = 1, 'x'), tags: ['a'], url: '/x', summary: 'S' }\n---\n## Tips\n- x\n`,
        ),
      ).toEqual([
        {
          file: 'content/bad.md',
          line: 2,
          message:
            'front matter: title: its value is JavaScript, which the bot never runs; write it as a literal (text in quotes, like "How to ask for a raise")',
        },
      ]);
      // A statement is no data: the post is read without it.
      const statement = `\uFEFF---${name} \n(globalThis.__pwned = 1)\n---\n## Tips\n- x\n`;
      expect(parseArticle({ file: 'content/ok.md', source: statement }).ok).toBe(true);
      expect(problemsOf(`---${name}`)).toEqual([
        { file: 'content/bad.md', line: 1, message: 'front matter: no closing "---"' },
      ]);
      expect(pwned.__pwned).toBeUndefined();
    },
  );

  it('GIVEN "---json", "---yaml" or "---yml" front matter THEN reads it as that format', () => {
    const json = '{\n  "title": "T",\n  "tags": ["a"],\n  "url": "/x",\n  "summary": "S"\n}';
    const yaml = 'title: T\ntags: [a]\nurl: /x\nsummary: S';
    // The line of "## Tips" checks that the body's lines are counted from the file's first line.
    for (const [source, tipsLine] of [
      [`---json\n${json}\n---\n## Tips\n- x\n`, 9],
      [`---JSON \n${json}\n---\n## Tips\n- x\n`, 9],
      [`---yaml\n${yaml}\n---\n## Tips\n- x\n`, 7],
      [`---yml\n${yaml}\n---\n## Tips\n- x\n`, 7],
    ] as const) {
      const article = mustParse(source);
      expect([article.title, article.tags, article.sections.tips?.line], source).toEqual([
        'T',
        ['a'],
        tipsLine,
      ]);
    }
  });

  it("GIVEN Hugo's bare JSON front matter (a file opening with \"{\") THEN reads the object to its closing brace, and the body's lines stay the file's", () => {
    const json = '{\n  "title": "T",\n  "tags": ["a"],\n  "url": "/x",\n  "summary": "S"\n}';
    for (const [source, tipsLine] of [
      [`${json}\n## Tips\n- x\n`, 7],
      [`\uFEFF${json}\n\n## Tips\n- x\n`, 8],
      [`${json.replaceAll('\n', '\r\n')}\r\n## Tips\r\n- x\r\n`, 7],
      // On one line, the body on the next.
      ['{"title": "T", "tags": ["a"], "url": "/x", "summary": "S"}\n## Tips\n- x\n', 2],
    ] as const) {
      const article = mustParse(source);
      expect([article.title, article.tags, article.url, article.sections.tips?.line], source).toEqual([
        'T',
        ['a'],
        'https://blog.example/x',
        tipsLine,
      ]);
    }
    // Braces and escaped quotes inside strings, and nested objects, do not end it; Hugo's keys in any case.
    const tricky = mustParse(
      '{\n  "Title": "Braces } and \\"quotes\\" {",\n  "sections": {"tips": "Advice {x}"},\n  "params": {"a": {"b": "}}"}}\n}\n\n## Advice {x}\n\n- One\n',
    );
    expect([tricky.title, tricky.sections.tips?.line, tricky.sections.tips?.items]).toEqual([
      'Braces } and "quotes" {',
      7,
      [{ text: 'One', line: 9 }],
    ]);
    // A problem in the body names its line in the file; one in a field, the field's line.
    expect(problemsOf('{\n  "title": "T"\n}\n\n## Tips\n\n- x\n-\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 8,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    expect(problemsOf('{\n  "title": "T",\n  "date": "2024-02-30"\n}\ndate: x\n')).toEqual([
      { file: 'content/bad.md', line: 3, field: 'date', message: expect.any(String) as string },
    ]);
    // A field on the object's first line is named on line 1, not on a body line that looks like it.
    expect(problemsOf('{"date": "2024-02-30"}\ndate: x\n')).toEqual([
      { file: 'content/bad.md', line: 1, field: 'date', message: expect.any(String) as string },
    ]);
  });

  it('GIVEN a file opening with a template tag or an attribute list ("{{<", "{{%", "{{", "{%", "{#", "{:") THEN it is no JSON front matter', () => {
    for (const start of [
      '{{< note >}}Hi{{< /note >}}',
      '{{% note %}}Hi{{% /note %}}',
      '{{ .Title }}',
      '{% raw %}x{% endraw %}',
      '{# c #}',
      '{::comment}x{:/comment}',
    ])
      expect(problemsOf(`${start}\n\n## Tips\n\n- x\n`), start).toEqual([
        {
          file: 'content/bad.md',
          line: 1,
          message: 'no front matter: start the file with a "---" block (see README)',
        },
      ]);
  });

  it('GIVEN bare JSON front matter that is invalid, never closed or too long THEN names the line, as "---json" does', () => {
    expect(problemsOf('{\n  "title": "T",\n}\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        message: 'invalid JSON in front matter: Expected double-quoted property name',
      },
    ]);
    expect(problemsOf('{ title: T }\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 1,
        message: "invalid JSON in front matter: Expected property name or '}'",
      },
    ]);
    // Its closing brace missing: JSON.parse names where the object goes wrong.
    expect(problemsOf('{\n  "title": "T"\n\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 4,
        message: "invalid JSON in front matter: Expected ',' or '}' after property value",
      },
    ]);
    expect(problemsOf(`{\n${'\n'.repeat(1_000_000)}"title": "T"\n`)).toEqual([
      {
        file: 'content/bad.md',
        line: 1,
        message: 'front matter: longer than 1000 lines; is its closing "}" missing?',
      },
    ]);
  });

  it('GIVEN TOML front matter between "+++" lines (Hugo) or after "---toml" THEN reads it, dates as written', () => {
    const toml = 'title = "T"\ntags = ["a"]\nurl = "/x"\nsummary = "S"\ndate = 2014-03-12T10:11:00-04:00';
    for (const source of [`+++\n${toml}\n+++\n## Tips\n- x\n`, `---toml\n${toml}\n---\n## Tips\n- x\n`]) {
      const article = mustParse(source);
      expect([article.title, article.tags, article.date, article.sections.tips?.line], source).toEqual([
        'T',
        ['a'],
        '2014-03-12',
        8,
      ]);
    }
  });

  it('GIVEN YAML front matter closed by YAML\'s document end "..." (Jekyll reads it) THEN reads it; lines stay the file\'s', () => {
    const source = '---\ntitle: Dots\ntags: [a]\n... \n\n## Tips\n\n- one\n- two\n';
    expect(mustParse(source).sections.tips?.items).toEqual([
      { text: 'one', line: 8 },
      { text: 'two', line: 9 },
    ]);
    // Only the block's first closing line counts: a "..." in the body stays text.
    expect(mustParse('---\ntitle: T\n---\nLead.\n...\n').summary).toBe('Lead. ...');
    expect(problemsOf('---\ntitle: T\ndate: 2024-13-45\n...\nBody\n')).toEqual([
      { file: 'content/bad.md', line: 3, field: 'date', message: expect.any(String) as string },
    ]);
  });

  it('GIVEN a wrong field in TOML or JSON front matter THEN names its line, as in YAML', () => {
    const toml = '+++\ntitle = "T"\ntags = ["a"]\ndate = "2024-02-30"\n+++\n## Tips\n- x\n';
    expect(problemsOf(toml).map(({ field, line }) => ({ field, line }))).toEqual([
      { field: 'date', line: 4 },
    ]);
    const json = '---json\n{\n  "title": "T",\n  "date": "2024-02-30"\n}\n---\n## Tips\n- x\n';
    expect(problemsOf(json).map(({ field, line }) => ({ field, line }))).toEqual([
      { field: 'date', line: 4 },
    ]);
    // A nested YAML key of the same name is not the field.
    const yaml = '---\nseo:\n  date: x\ntitle: T\ndate: 2024-02-30\n---\n## Tips\n- x\n';
    expect(problemsOf(yaml).map(({ field, line }) => ({ field, line }))).toEqual([
      { field: 'date', line: 5 },
    ]);
  });

  it('GIVEN invalid TOML, or a language after "+++" THEN names the line', () => {
    expect(problemsOf('+++\ntitle = "T"\ntags = ["a"\n+++\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        message: expect.stringMatching(/^invalid TOML in front matter: /) as string,
      },
    ]);
    expect(problemsOf('+++js\n{}\n+++\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 1,
        message:
          'front matter: "+++js" is not a data format; write YAML between "---" lines (or TOML between "+++" lines, or JSON after "---json")',
      },
    ]);
  });

  it('GIVEN invalid JSON front matter THEN names the line of the error', () => {
    expect(problemsOf('---json\n{\n  "title": "T",\n}\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 4,
        message: 'invalid JSON in front matter: Expected double-quoted property name',
      },
    ]);
    expect(problemsOf('---json\ntitle: T\n---\n## Tips\n- x\n')).toEqual([
      { file: 'content/bad.md', line: 1, message: "invalid JSON in front matter: Unexpected token 'i'" },
    ]);
  });

  it('GIVEN JSON front matter V8 quotes in its message THEN the line where JSON.parse failed, and the message on one line', () => {
    const bad = '{"title": "Bad JSON",\n "tags": [1,\n}';
    const unexpected = "invalid JSON in front matter: Unexpected token '}'";
    expect(problemsOf(`${bad}\n## Tips\n- x\n`)).toEqual([
      { file: 'content/bad.md', line: 3, message: unexpected },
    ]);
    expect(problemsOf(`---json\n${bad}\n---\n## Tips\n- x\n`)).toEqual([
      { file: 'content/bad.md', line: 4, message: unexpected },
    ]);
    // Cut on both sides in the quote: found in the block.
    expect(problemsOf(`---json\n${bad}${'x'.repeat(30)}\n---\n## Tips\n- x\n`)).toEqual([
      { file: 'content/bad.md', line: 4, message: unexpected },
    ]);
    // Cut only after: near the block's start.
    expect(problemsOf(`---json\n[1,\n], "${'x'.repeat(30)}"\n---\n## Tips\n- x\n`)).toEqual([
      { file: 'content/bad.md', line: 3, message: "invalid JSON in front matter: Unexpected token ']'" },
    ]);
    expect(problemsOf('---json\n{"a": 1,\n\n"b":\n---\n## Tips\n- x\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 4,
        message: 'invalid JSON in front matter: Unexpected end of JSON input',
      },
    ]);
    for (const source of [
      `${bad}\n`,
      `---json\n${bad}\n---\n`,
      '---\ntitle: "a\n  b\n---\n',
      '+++\ntitle = "a\n+++\n',
    ])
      for (const problem of problemsOf(source)) expect(problem.message, source).not.toMatch(/[\r\n]/);
  });

  it('GIVEN YAML tags for JavaScript types THEN they stay an error, said as JavaScript never run, with what to write', () => {
    for (const [value, tag] of [
      ['!!js/function "function () { globalThis.__pwned = 1 }"', 'js/function'],
      ['!!js/undefined ""', 'js/undefined'],
      ['!!js/regexp /x/', 'js/regexp'],
    ] as const) {
      expect(problemsOf(`---\ntitle: ${value}\ntags: [a]\nurl: /x\nsummary: S\n---\n## Tips\n- x\n`)).toEqual(
        [
          {
            file: 'content/bad.md',
            line: 2,
            message: `front matter: title: its value is JavaScript (!!${tag}), which the bot never runs; write it as text in quotes, like "How to ask for a raise"`,
          },
        ],
      );
    }
    expect(problemsOf('---\ntitle: T\nlayout: !!js/function "f"\n---\nText.\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        message:
          'front matter: layout: its value is JavaScript (!!js/function), which the bot never runs; write it as text, a number, a list or a map',
      },
    ]);
    expect(pwned.__pwned).toBeUndefined();
  });

  it('GIVEN YAML nested 20,000 deep THEN says so at its line instead of running out of stack', () => {
    for (const value of [
      '['.repeat(20_000) + ']'.repeat(20_000),
      '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000),
    ]) {
      expect(
        problemsOf(`---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\nextra: ${value}\n---\n## Tips\n- x\n`),
      ).toEqual([{ file: 'content/bad.md', line: 6, message: 'front matter nested too deeply' }]);
    }
    // A list of lists by markers on one line, under its field.
    expect(problemsOf(`---\ntitle: T\nx:\n  ${'- '.repeat(20_000)}y\nurl: /x\n---\n## Tips\n- x\n`)).toEqual([
      { file: 'content/bad.md', line: 4, message: 'front matter nested too deeply' },
    ]);
  });

  it('GIVEN YAML nested 500 deep by indentation (the 1,000 lines allow no more) THEN it is read as data, an ignored field', () => {
    const block = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(mustParse(`---\ntitle: T\ntags: [a]\nurl: /x\n${block} 1\n---\n## Tips\n- x\n`).title).toBe('T');
  });

  it('GIVEN several BOMs before "---js" (each reader drops one) THEN nothing is evaluated', () => {
    const pwned = globalThis as { __pwned?: unknown };
    for (const boms of [1, 2, 4]) {
      const problems = problemsOf(
        `${'\uFEFF'.repeat(boms)}---js\n{ title: (globalThis.__pwned = 1, 'x') }\n---\n## Tips\n- x\n`,
      );
      expect(pwned.__pwned).toBeUndefined();
      expect(problems).toEqual([
        {
          file: 'content/bad.md',
          line: 2,
          message:
            'front matter: title: its value is JavaScript, which the bot never runs; write it as a literal (text in quotes, like "How to ask for a raise")',
        },
      ]);
    }
  });

  it('GIVEN front matter whose closing line is missing, over a megabyte of blank lines or a line THEN says so at once', () => {
    for (const source of [
      `---\n${'\n'.repeat(1_000_000)}title: T\n`,
      '---\ntitle: x\n',
      '---\ntitle: x',
      '---',
      '---yaml\n',
    ])
      expect(problemsOf(source), source).toEqual([
        { file: 'content/bad.md', line: 1, message: 'front matter: no closing "---"' },
      ]);
    expect(problemsOf('+++\ntitle = "x"\n')).toEqual([
      { file: 'content/bad.md', line: 1, message: 'front matter: no closing "+++"' },
    ]);
    // Its closing line the file's last, without a line break: closed.
    expect(mustParse('---\ntitle: x\n---').title).toBe('x');
    expect(mustParse('---\r\ntitle: x\r\n---').title).toBe('x');
    expect(mustParse('---\ntitle: x\n...').title).toBe('x');
  });

  it('GIVEN front matter of exactly 1,000 lines THEN it is read; of 1,001, it is refused', () => {
    const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(mustParse(`---\ntitle: T\n${keys(999)}\n---\n## Tips\n- x\n`).title).toBe('T');
    expect(mustParse(`+++\ntitle = "T"\n${keys(999).replace(/:/g, ' =')}\n+++\n`).title).toBe('T');
    expect(problemsOf(`---\ntitle: T\n${keys(1000)}\n---\n## Tips\n- x\n`)).toEqual([
      {
        file: 'content/bad.md',
        line: 1,
        message: 'front matter: longer than 1000 lines; is its closing "---" line missing?',
      },
    ]);
  });

  it('GIVEN thousands of bad tags THEN the first hundred are read, left out as one note and a count', () => {
    const tags = `[${Array.from({ length: 5000 }, () => '~').join(', ')}]`;
    expect(problemsOf(`---\ntitle: T\ntags: ${tags}\nurl: /x\nsummary: S\n---\n## Tips\n- x\n`)).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        field: 'tags',
        message: 'a tag is empty (20 entries): write it, or remove it',
      },
      { file: 'content/bad.md', message: 'and 80 more tags like these' },
    ]);
    // One tag repeated 100,000 times is one tag.
    const same = `[${Array.from({ length: 100_000 }, () => 'x').join(', ')}]`;
    expect(mustParse(`---\ntitle: T\ntags: ${same}\n---\n## Tips\n- x\n`).tags).toEqual(['x']);
  });

  it('GIVEN bare JSON front matter with "__proto__" or objects nested 100,000 deep THEN read as data: nothing polluted, nothing walks it', () => {
    const deep = '{"a": '.repeat(100_000) + '1' + '}'.repeat(100_000);
    const article = mustParse(
      `{"__proto__": {"polluted": 1}, "title": "T", "extra": ${deep}, "constructor": {"prototype": {"x": 1}}}\n## Tips\n- x\n`,
    );
    expect([article.title, article.sections.tips?.line]).toEqual(['T', 2]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('GIVEN JSON nested 100,000 deep THEN nothing walks it: ignored as an extra field, as a tag no text, left out and noted', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const front = (tags: string, extra: string) =>
      `---json\n{"title": "T", "tags": ${tags}, "url": "/x", "summary": "S", "extra": ${extra}}\n---\n## Tips\n- x\n`;
    expect(mustParse(front('["a"]', deep)).tags).toEqual(['a']);
    expect(problemsOf(front(deep, '1'))).toEqual([
      { file: 'content/bad.md', line: 2, field: 'tags', message: 'the 1st tag must be text' },
    ]);
  });
});

describe('Markdown nested deeper than the tools can walk is reported, never thrown', () => {
  // Each of these overflowed the stack (or ran for minutes) in remark's tools or our own walk before
  // the bound: the line named is the first one past 32 levels.
  it.each([
    ['a list 1,000 deep on one line', '- '.repeat(1000) + 'x', 10],
    ['an ordered list 1,000 deep on one line', '1. '.repeat(1000) + 'x', 10],
    [
      'a list 1,000 deep by indentation',
      Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
      42,
    ],
    ['quotes 10,000 deep', '>'.repeat(10_000) + ' x', 10],
    ['quotes and lists 1,000 deep', '> - '.repeat(1000) + 'x', 10],
    ['a list 10,000 deep on one line', '- '.repeat(10_000) + 'x', 10],
    ['a "*" list 10,000 deep on one line', '* '.repeat(10_000) + 'x', 10],
    ['quotes 10,000 deep alone on their line', '>'.repeat(10_000), 10],
    [
      'a list 1,000 deep by tabs',
      Array.from({ length: 1000 }, (_, i) => `${'\t'.repeat(i)}- x`).join('\n'),
      42,
    ],
    [
      'a list 1,000 deep by indentation, a lazy line after each item',
      Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x\nlazy`).join('\n'),
      74,
    ],
    [
      'quotes 1,000 deep, one more on each line',
      Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
      42,
    ],
  ])('GIVEN %s THEN names the line before parsing it', (_, body, line) => {
    expect(problemsOf(withTips(body))).toEqual([{ file: 'content/bad.md', line, message: DEEP_CONTAINERS }]);
  });

  it('GIVEN emphasis inside a list 32 deep THEN names its line', () => {
    expect(problemsOf(withTips(`${'- '.repeat(32)}*deep*`))).toEqual([
      { file: 'content/bad.md', line: 10, message: DEEP_NODES },
    ]);
  });

  // Bold in bold is one bold (see markdown-tree.ts), so emphasis nests no deeper than its kinds.
  it.each([
    ['"*" emphasis 5,000 deep', '*'.repeat(5000) + 'x' + '*'.repeat(5000), '**x**'],
    ['"_" emphasis 3,000 deep', '_'.repeat(3000) + 'x' + '_'.repeat(3000), '**x**'],
    [
      'emphasis 33 deep',
      '*a '.repeat(33) + 'x' + ' b*'.repeat(33),
      `*${'a '.repeat(33)}x${' b'.repeat(33)}*`,
    ],
  ])('GIVEN %s THEN it is one emphasis, read', (_, item, text) => {
    expect(mustParse(withTips(`- ${item}`)).sections.tips?.items.map((tip) => tip.text)).toEqual([text]);
  });

  // micromark matches these pairwise in time that grows faster than their count: seconds to minutes.
  it.each([
    ['4,000 nested emphasis marks', '*a '.repeat(2000) + 'x' + ' b*'.repeat(2000)],
    ['nested images 2,000 deep', '!['.repeat(2000) + 'x' + '](u)'.repeat(2000)],
    ['links and brackets 5,000 deep', '[a '.repeat(5000) + 'x' + '](/a)'.repeat(5000)],
    ['brackets 9 deep', '['.repeat(9) + 'x' + ']'.repeat(9)],
    ['129 emphasis marks over several lines', 'text\n' + '*a* '.repeat(30) + '\n' + '*b* '.repeat(35)],
  ])('GIVEN a paragraph with %s THEN names its first line before parsing it', (_, body) => {
    expect(problemsOf(withTips(`Lead-in.\n\n${body}`))).toEqual([
      { file: 'content/bad.md', line: 12, message: CROWDED },
    ]);
  });

  it('GIVEN a technical post (code blocks, code spans, snake_case, a table of links) THEN none of it counts as markup', () => {
    const python = Array.from(
      { length: 40 },
      (_, i) =>
        `    user_settings[f"{env_prefix}key_${i}"] = os.environ.get(default_key_${i}, fallback_value)`,
    ).join('\n');
    const body = [
      'Read the `**/*.md` files and call `load_user_settings()` with my_config_value set:',
      '',
      '```python',
      'def load_user_settings(env_prefix, default_key_0, fallback_value):',
      python,
      '```',
      '',
      '~~~json',
      '{"m": [[[[[[[[[[1]]]]]]]]]]}',
      `${'\t'.repeat(16)}- x`,
      `${'>'.repeat(33)} an arrow`,
      '~~~',
      '',
      '| name | link |',
      '| ---- | ---- |',
      ...Array.from({ length: 120 }, (_, i) => `| \`snake_case_${i}\` | [page ${i}](/p/${i}) |`),
      '',
      '- **One:** first',
    ].join('\n');
    expect(mustParse(withTips(body)).sections.tips?.items.map((item) => item.name)).toEqual(['One']);
  });

  it('GIVEN more than 20,000 list items, paragraphs, quotes or headings THEN the line where they pass it is named before parsing; lines of one paragraph are one', () => {
    const items = '- a\n'.repeat(20_001);
    expect(problemsOf(withTips(items))).toEqual([
      {
        file: 'content/bad.md',
        // The heading is a block too: the 20,000th item passes the bound.
        line: 10 + 19_999,
        message:
          'more than 20,000 paragraphs, list items, quotes, headings and table rows in one post; split it',
      },
    ]);
    expect(problemsOf(withTips('a\n\n'.repeat(20_001)))).toHaveLength(1);
    // A table's rows count one by one: each is read as a row.
    expect(problemsOf(withTips(`|a|\n|-|\n${'|x\n'.repeat(20_001)}`))).toHaveLength(1);
    // Each quote a line is in counts: 700 paragraphs 31 quotes deep are 21,700.
    expect(problemsOf(withTips(`${'> '.repeat(31)}x\n\n`.repeat(700)))).toHaveLength(1);
    expect(
      mustParse(withTips(`${'> '.repeat(3)}x\n\n`.repeat(700) + '- **One:** first')).sections.tips?.items,
    ).toHaveLength(1);
    const lines = `Lead-in.\n\n${'word\n'.repeat(25_000)}\n- **One:** first`;
    expect(mustParse(withTips(lines)).sections.tips?.items).toHaveLength(1);
  });

  it('GIVEN rules (***) line after line THEN they are no emphasis marks of a paragraph', () => {
    expect(mustParse(withTips(`${'***\n'.repeat(60)}\n- **One:** first`)).sections.tips?.items).toHaveLength(
      1,
    );
  });

  it('GIVEN a fence markdown-it reads as no code (in an HTML comment, an escaped backtick) THEN the paragraphs after it are still checked', () => {
    const crowded = '*a* '.repeat(70);
    for (const [before, line] of [
      ['<!--\n~~~\n-->\n', 16],
      ['- item\n\n  ~~~\n  code\n\nOut of the list.\n', 19],
      [`\\\` ${crowded}\``, 12],
    ] as const)
      expect(problemsOf(withTips(`Lead-in.\n\n${before}\n${crowded}`)), before).toEqual([
        { file: 'content/bad.md', line, message: CROWDED },
      ]);
    // Code in a list item, as markdown-it reads it: its marks are no markup.
    const code = `- Run:\n\n  \`\`\`py\n  ${'f(**kw) '.repeat(80)}\n  \`\`\`\n- Done.`;
    expect(mustParse(withTips(code)).sections.tips?.items).toHaveLength(2);
  });

  it('GIVEN escaped marks (\\[ \\* \\_) in a paragraph THEN they are text, not markup to count; an escaped backslash escapes nothing', () => {
    const escaped = `Arrays: ${'\\['.repeat(12)}x${'\\]'.repeat(12)} and ${'\\*'.repeat(140)}.`;
    expect(mustParse(withTips(`${escaped}\n\n- **One:** first`)).sections.tips?.text).toContain('Arrays:');
    // `\\[` is a backslash, then a bracket that counts.
    expect(problemsOf(withTips(`Lead-in.\n\n${'\\\\['.repeat(9)}x`))).toEqual([
      { file: 'content/bad.md', line: 12, message: CROWDED },
    ]);
  });

  // As hugoDocs' emoji table and the Rust blog's project goals have them: each row, or definition, alone is far below the bound.
  it('GIVEN a table of 300 rows of two links each, or a block of 300 link reference definitions THEN reads them', () => {
    const table = [
      'Emojis:',
      '| | ico | shortcode | |',
      '| - | :-: | - | - |',
      ...Array.from({ length: 300 }, (_, i) => `| [top](#flags) | :f${i}: | \`:f_${i}:\` | [top](#toc) |`),
      '',
      '- **One:** first',
    ].join('\n');
    expect(mustParse(withTips(table)).sections.tips?.items.map((item) => item.name)).toEqual(['One']);
    const definitions = [
      '- **One:** see [Ann Lee][] and [the *goal*][g0]',
      '',
      ...Array.from({ length: 300 }, (_, i) => `[g${i}]: https://example.com/goals/${i} "Goal *${i}*"`),
      '[Ann Lee]: <https://github.com/ann_lee>',
    ].join('\n');
    const [item] = mustParse(withTips(definitions)).sections.tips?.items ?? [];
    expect(item?.text).toBe(
      'see [Ann Lee](https://github.com/ann_lee) and [the *goal*](https://example.com/goals/0 "Goal *0*")',
    );
  });

  it.each([
    [
      'a table row with 200 brackets',
      '| a | b |\n| - | - |\n| x | y |\n' + `| ${'[a] '.repeat(200)} | z |`,
      15,
    ],
    [
      'a table with brackets open 9 deep over its rows',
      '| a | b |\n| - | - |\n' + '| [ | x |\n'.repeat(9),
      22,
    ],
    ['a definition line with 200 brackets', '[a]: /u\n' + `[b]: /${'[x]'.repeat(200)}`, 13],
    // Not definitions to a CommonMark parser (text after the address, or after a paragraph): one paragraph.
    ['definitions with text after them', Array.from({ length: 30 }, () => '[a]: /u *x* *y*').join('\n'), 12],
    [
      'a definition inside a paragraph',
      'text\n' + Array.from({ length: 30 }, () => '[a]: /u "*x* *y*"').join('\n'),
      12,
    ],
    ['a paragraph over a "delimiter" of the wrong width', 'a | b\n| - |\n' + '*x* *y* '.repeat(40), 12],
  ])('GIVEN %s THEN names the line of its crowded paragraph', (_, body, line) => {
    expect(problemsOf(withTips(`Lead-in.\n\n${body}`))).toEqual([
      { file: 'content/bad.md', line, message: CROWDED },
    ]);
  });

  // markdown-it ends an address at a control character, and would read no definition but one crowded
  // paragraph: the character is dropped before (see withoutControls), and they are definitions.
  it('GIVEN definitions with a control character in their address THEN it is dropped: definitions, no paragraph', () => {
    const body = `[${'*a* '.repeat(20)}]: /x\x01${'*a*_b_'.repeat(8)}\n`.repeat(3);
    expect(mustParse(withTips(`Lead-in.\n\n${body}`)).sections.tips?.text).toBe('Lead-in.');
  });

  // The parser here reads a table as one paragraph: 24 s for 900 KB of such rows, 13 s as paragraphs.
  it('GIVEN a table of more than 4,096 marks, each row below the bound THEN names its first line', () => {
    const table = '| a | b |\n| - | - |\n' + `| ${'*x* _y_ '.repeat(30)} | z |\n`.repeat(35);
    expect(problemsOf(withTips(`Lead-in.\n\n${table}`))).toEqual([
      {
        file: 'content/bad.md',
        line: 12,
        message: 'more than 4096 emphasis marks or brackets in one table; split it',
      },
    ]);
    // One row fewer: 4,080 marks.
    const fewer = table.split('\n').slice(0, 36).join('\n');
    expect(mustParse(withTips(`- **One:** first\n\n${fewer}`)).sections.tips?.items).toHaveLength(1);
  });

  it('GIVEN a fence that is never closed THEN the rest is code, and nothing nests', () => {
    const article = mustParse(
      withTips(`- **One:** first\n\n\`\`\`\n${'- '.repeat(1000)}x\n${'*a '.repeat(500)}`),
    );
    expect(article.sections.tips?.items.map((item) => item.name)).toEqual(['One']);
  });

  it('GIVEN a summary in emphasis 40 deep THEN it is read as one emphasis', () => {
    const summary = '*a '.repeat(40) + '[x](/y)' + ' b*'.repeat(40);
    expect(mustParse(articleSource(validFront({ summary }), '## Tips\n\n- x')).summary).toBe(
      `*${'a '.repeat(40)}[x](https://blog.example/y)${' b'.repeat(40)}*`,
    );
  });

  it('GIVEN lists and quotes nested 1,000 deep by indentation, each in the other THEN it is reported, never thrown', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `${'  > '.repeat(i)}- x`).join('\n');
    expect(problemsOf(withTips(body))).toEqual([
      { file: 'content/bad.md', line: expect.any(Number) as number, message: DEEP_CONTAINERS },
    ]);
  });

  it('GIVEN content indented far that nests nothing (code in a quote, an item of code, an indented code block of a list) THEN reads it', () => {
    const code = Array.from({ length: 40 }, (_, i) => `${' '.repeat(4 + 2 * i)}- key_${i}:`).join('\n');
    for (const body of [
      `> Run it:\n>\n>${' '.repeat(65)}npm run content:check\n\n- **One:** first`,
      `- **One:** first\n-${' '.repeat(70)}an item that is code\n`,
      `- **One:** first\n\n${' '.repeat(70)}- code in the item\n`,
      `Keys:\n\n${code}\n\n- **One:** first`,
      `- **One:** first\n  > quoted\n  >${' '.repeat(80)}- code in the quote\n`,
    ]) {
      expect(mustParse(withTips(body)).sections.tips?.items[0]?.name, body).toBe('One');
    }
  });

  it('GIVEN nesting up to the bounds, busy lists, or a long "- - -" rule THEN reads them', () => {
    const lists = Array.from({ length: 32 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    expect(mustParse(withTips(lists)).sections.tips?.items[0]?.text).toMatch(/level 32$/);
    expect(
      mustParse(withTips(`- ${'*a '.repeat(31)}x${' b*'.repeat(31)}`)).sections.tips?.items,
    ).toHaveLength(1);
    expect(
      mustParse(withTips(`- ${'[a '.repeat(8)}x${'](/a)'.repeat(8)}`)).sections.tips?.items,
    ).toHaveLength(1);
    // 64 emphasised phrases in one paragraph, and a list of 200 items each with some.
    expect(mustParse(withTips(`- ${'*a* '.repeat(64)}`)).sections.tips?.items).toHaveLength(1);
    const list = Array.from({ length: 200 }, (_, i) => `- **Item ${i}:** *a* [b](/c) _d_`).join('\n');
    expect(mustParse(withTips(list)).sections.tips?.items).toHaveLength(200);
    expect(mustParse(withTips(`- x\n\n${'- '.repeat(50)}\n\n- y`)).sections.tips?.items).toHaveLength(2);
    expect(mustParse(withTips(`- x\n\n> > ${'* '.repeat(50)}\n\n- y`)).sections.tips?.items).toHaveLength(2);
  });

  it('GIVEN anything throwing while an article is read THEN it is a problem naming the file', () => {
    const source = {
      file: 'content/bad.md',
      get source(): string {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    expect(parseArticle(source)).toEqual({
      ok: false,
      problems: [
        {
          file: 'content/bad.md',
          message: 'the article could not be read: Maximum call stack size exceeded',
        },
      ],
    });
  });

  it("GIVEN a library's message over several lines THEN the problem is one line", () => {
    const source = {
      file: 'content/bad.md',
      get source(): string {
        throw new Error('it went wrong\n  here:\r\n  "x"\n');
      },
    };
    expect(parseArticle(source)).toEqual({
      ok: false,
      problems: [
        { file: 'content/bad.md', message: 'the article could not be read: it went wrong here: "x"' },
      ],
    });
  });
});

describe('empty fields, dates and pages as the generators read them', () => {
  const parsed = (source: string, file = 'content/a.md', site: object = {}) =>
    parseArticle({ file, source, siteUrl: 'https://blog.example', ...site });

  it('GIVEN an optional field written with nothing after it, or blank THEN it is none, as Hugo, Jekyll and Eleventy read it: the post is an article', () => {
    // 11ty/11ty-website src/docs/languages/sass.md, and what Hugo's own archetypes write.
    const sass = parsed('---\ntitle: Sass\ndescription:\n---\nCompile Sass.\n', 'src/docs/languages/sass.md');
    expect(sass.ok && [sass.article.title, sass.article.summary]).toEqual(['Sass', 'Compile Sass.']);
    for (const field of ['summary', 'description', 'excerpt', 'date', 'url', 'permalink', 'slug', 'sections'])
      for (const blank of ['', '""', "' '", '~', 'null']) {
        const result = parsed(
          `---\ntitle: T\n${field}: ${blank}\n---\nBody.\n`,
          'content/2024-01-05-my-post.md',
        );
        expect(result.ok, `${field}: ${blank}`).toBe(true);
        if (!result.ok) continue;
        // As if it were not there: the file name's slug and day, ARTICLE_URL's address, the first paragraph.
        expect(
          [result.article.slug, result.article.date, result.article.url, result.article.summary],
          `${field}: ${blank}`,
        ).toEqual(['my-post', '2024-01-05', 'https://blog.example/blog/my-post', 'Body.']);
      }
    // Hugo's date keys: an empty one leaves the next to say, as Hugo takes it.
    for (const site of [{}, { hugo: true }]) {
      const hugo = parsed(
        '---\ntitle: T\ndate:\npublishDate: 2024-03-01\n---\nBody.\n',
        'content/a.md',
        site,
      );
      expect(hugo.ok && hugo.article.date).toBe('2024-03-01');
    }
  });

  it('GIVEN an empty title THEN it is none: titled from the file name, as a post without one is', () => {
    for (const title of ['', '""', '"  "'])
      expect(mustParse(`---\ntitle: ${title}\n---\nBody.\n`, 'content/2024-01-06-no-title.md').title).toBe(
        'No Title',
      );
    // A name with no words to title it from: said so, not "missing" of a field that is written.
    expect(parsed('---\ntitle:\nslug: s\n---\nBody.\n', 'content/2024-01-06-___.md')).toMatchObject({
      ok: false,
      problems: [{ field: 'title', message: 'none given, and the file name has no words to make one from' }],
    });
  });

  it('GIVEN a field written empty where a value is needed THEN "empty" is said of it, never "missing"; a wrong value keeps its message', () => {
    expect(problemsOf('---\ntitle: T\ntags: [a, ~]\nsections: { tips: }\n---\nBody.\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        field: 'tags',
        message: 'the 2nd tag is empty: write it, or remove it',
      },
      {
        file: 'content/bad.md',
        line: 4,
        field: 'sections.tips',
        message: 'expected a heading name or a list of heading names, like Advice or [Advice, Tips]',
      },
    ]);
    // No name at all, or an empty one in the list: the same, never zod's own words.
    for (const [sections, field] of [
      ['{ tips: [] }', 'sections.tips'],
      ['{ tips: [Advice, ""] }', 'sections.tips.1'],
      ['{ tips: "" }', 'sections.tips'],
    ])
      expect(problemsOf(`---\ntitle: T\nsections: ${sections}\n---\nBody.\n`)).toEqual([
        {
          file: 'content/bad.md',
          line: 3,
          field,
          message: 'expected a heading name or a list of heading names, like Advice or [Advice, Tips]',
        },
      ]);
    expect(problemsOf('---\ntitle: T\ndescription: [a, b]\n---\nBody.\n')).toEqual([
      { file: 'content/bad.md', line: 3, field: 'description', message: 'expected a description (text)' },
    ]);
    expect(problemsOf('---\ntitle: T\nslug: " -_- "\n---\nBody.\n')).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        field: 'slug',
        message: 'a slug needs at least one letter or digit',
      },
    ]);
  });

  it("GIVEN Astro's starter dates and days written with an English month name THEN that day; anything else on the line is refused", () => {
    // withastro/astro examples/blog src/content/blog/first-post.md, as written.
    const astro = mustParse(
      "---\ntitle: 'First post'\ndescription: 'Lorem ipsum dolor sit amet'\npubDate: 'Jul 08 2022'\nheroImage: '../../assets/blog-placeholder-3.jpg'\n---\n\nLorem ipsum dolor sit amet.\n",
      'src/content/blog/first-post.md',
    );
    expect(astro.date).toBe('2022-07-08');
    // Astro's updatedDate is not the day it was published.
    expect(
      mustParse("---\ntitle: T\npubDate: 'Jul 15 2022'\nupdatedDate: 'Jul 20 2022'\n---\nText.\n").date,
    ).toBe('2022-07-15');
    for (const [written, day] of [
      ['July 8, 2022', '2022-07-08'],
      ['8 July 2022', '2022-07-08'],
      ['Jul 8, 2022', '2022-07-08'],
      ['"dec 31 1999"', '1999-12-31'],
      ['SEPTEMBER 1 2024', '2024-09-01'],
      ['29 Feb 2024', '2024-02-29'],
      // As JavaScript's Date reads them, which Astro's z.coerce.date() is.
      ['Jul 08 2022 10:00', '2022-07-08'],
      ["'2024/03/15'", '2024-03-15'],
    ])
      expect(mustParse(`---\ntitle: T\ndate: ${written}\n---\nBody.\n`).date, written).toBe(day);
    for (const written of [
      'Feb 30 2024',
      '29 Feb 2023',
      'Fri, Jul 08 2022',
      'Jul 08 2022 at 10:00',
      'Sept 8 2022',
      'Jul 08 22',
      '8th July 2022',
      'Jul 8 2022 and then',
      '2022 Jul 8',
    ])
      expect(problemsOf(`---\ntitle: T\ndate: ${written}\n---\nBody.\n`), written).toEqual([
        {
          file: 'content/bad.md',
          line: 3,
          field: 'date',
          message:
            'expected a real day written as YYYY-MM-DD or YYYY/MM/DD (a time may follow), or like "Jul 8, 2022" or "8 July 2022"',
        },
      ]);
    // A Hugo post published then starts that day, in UTC.
    const hugo = parseArticle({
      file: 'content/a.md',
      source: '---\ntitle: T\ndate: Jul 8, 2030\n---\nB.\n',
      hugo: true,
    });
    expect(hugo.ok && hugo.article.publishes).toBe('2030-07-08T00:00:00.000Z');
  });

  it("GIVEN Jekyll's date with a time Ruby's Time.parse reads and the bot does not THEN the day as written, its start in UTC for Jekyll's future rule", () => {
    // jekyll/jekyll docs/_posts/2023-01-29-jekyll-3-9-3-released.markdown:3, as written.
    const source = '---\ntitle: Jekyll 3.9.3 Released\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nBody.\n';
    const result = parseArticle({
      file: 'docs/_posts/2023-01-29-jekyll-3-9-3-released.markdown',
      contentPath: '_posts/2023-01-29-jekyll-3-9-3-released.markdown',
      source,
    });
    expect(result.ok && [result.article.date, result.article.publishes]).toEqual([
      '2023-01-29',
      '2023-01-29T00:00:00.000Z',
    ]);
    for (const written of ['2024-01-05T25', '2024-01-05 10:00 +', '2024-01-05 soon'])
      expect(mustParse(`---\ntitle: T\ndate: ${written}\n---\nBody.\n`).date, written).toBe('2024-01-05');
    // Hugo's expiryDate is an instant: a time it cannot read is still a problem.
    expect(problemsOf('---\ntitle: T\nexpiryDate: 2024-01-05 soon\n---\nBody.\n')).toMatchObject([
      { field: 'expiryDate', line: 3 },
    ]);
  });

  it("GIVEN Eleventy's eleventyExcludeFromCollections: true (a 404 or thank-you page) THEN no article and no problem, in any site", () => {
    // 11ty/eleventy-base-blog content/404.md, as written.
    const notFound =
      '---\npermalink: 404.html\neleventyExcludeFromCollections: true\n---\n# Content not found.\n\nGo home.\n';
    for (const site of [{ eleventy: true }, {}])
      expect(parsed(notFound, 'content/404.md', site)).toEqual({
        ok: false,
        problems: [],
        unpublished: true,
      });
    expect(parsed('---\ntitle: T\neleventyExcludeFromCollections: false\n---\nBody.\n').ok).toBe(true);
    // Eleventy 3's list of the collections left: out of the posts, or only out of another one.
    const excluded = (list: string) =>
      parsed(`---\ntitle: Now\neleventyExcludeFromCollections: ${list}\n---\nWhat I do now.\n`, 'now.md', {
        eleventy: true,
      });
    expect(excluded('["posts"]')).toEqual({ ok: false, problems: [], unpublished: true });
    expect(excluded('[sitemap, Post]')).toEqual({ ok: false, problems: [], unpublished: true });
    expect(excluded('["sitemap"]').ok).toBe(true);
  });

  it("GIVEN Eleventy's eleventyNavigation on an undated page (a page of the site's menu: About, Home) THEN no article and no problem there; a dated one, or outside Eleventy, an article", () => {
    // As Eleventy's starter blog writes its about page.
    const about =
      '---\neleventyNavigation:\n  key: About\n  order: 3\n---\n# About Me\n\nI am a person that writes stuff.\n';
    expect(parsed(about, 'content/about/index.md', { eleventy: true })).toEqual({
      ok: false,
      problems: [],
      unpublished: true,
    });
    expect(parsed(about, 'content/about/index.md', {}).ok).toBe(true);
    // A post with breadcrumbs is dated, by its field or its name.
    const crumbs = '---\ntitle: T\neleventyNavigation:\n  key: T\n  parent: Blog\n';
    expect(parsed(`${crumbs}date: 2024-01-05\n---\nBody.\n`, 'posts/t.md', { eleventy: true }).ok).toBe(true);
    expect(parsed(`${crumbs}---\nBody.\n`, 'posts/2024-01-05-t.md', { eleventy: true }).ok).toBe(true);
    expect(
      parsed('---\ntitle: T\neleventyNavigation:\n---\nBody.\n', 'posts/t.md', { eleventy: true }).ok,
    ).toBe(true);
  });

  it('GIVEN a page without front matter in an Eleventy site THEN an article titled from its file name, as Eleventy publishes it; elsewhere a problem', () => {
    const source = '# Local installation\n\nInstall Eleventy.\n';
    const page = parsed(source, 'src/docs/local-installation.md', {
      eleventy: true,
      contentPath: 'docs/local-installation.md',
    });
    expect(page.ok && [page.article.title, page.article.slug, page.article.summary]).toEqual([
      'Local Installation',
      'local-installation',
      'Install Eleventy.',
    ]);
    // In an Eleventy site a `_posts` folder is no Jekyll's: such a file is a page too.
    expect(
      parsed(source, 'src/_posts/2024-01-05-x.md', { eleventy: true, contentPath: '_posts/2024-01-05-x.md' })
        .ok,
    ).toBe(true);
    expect(parsed(source, 'content/local-installation.md')).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/^no front matter/) as string }],
    });
  });

  it("GIVEN Eleventy's JavaScript front matter THEN its literals are read, never run: the draft is no article", () => {
    // 11ty/eleventy-base-blog content/blog/fifthpost.md, as written.
    const fifth =
      '---js\nconst title = "This is a fifth post (draft)";\nconst date = "2023-01-23";\nconst tags = ["second tag"];\nconst draft = true;\n---\nThis is a draft post\n';
    const pwned = globalThis as { __pwned?: unknown };
    for (const site of [{ eleventy: true }, {}])
      expect(parsed(fifth, 'content/blog/fifthpost.md', site)).toEqual({
        ok: false,
        problems: [],
        unpublished: true,
      });
    expect(pwned.__pwned).toBeUndefined();
  });
});

describe('list items that would show nothing but marks are empty items', () => {
  const empty = (line: number) => ({
    file: 'content/bad.md',
    line,
    field: 'tips',
    message: 'the item is empty: write its text, or remove the item',
  });
  const named = (line: number, name: string) => ({
    file: 'content/bad.md',
    line,
    field: 'tips',
    message: `the item "${name}" has a name but no text: write its text after the name, or remove the item`,
  });

  it('GIVEN `- ****`, `- **Name:**` and `- [](http://x)` (QA F2) THEN each is reported, none shown as `---` or raw', () => {
    const source = articleSource(validFront(), '## Tips\n\n- ****\n- **Name:**\n- [](http://x)');
    expect(problemsOf(source)).toEqual([empty(10), named(11, 'Name'), empty(12)]);
  });

  it('GIVEN a rule, empty code, empty emphasis, marks alone or a lone backslash as an item THEN it is empty', () => {
    const items = ['- __ __', '- ~~~~', '- *__*', '- **', '- ~~', '- ` `', '- \\', '- &#8203;', '- [**](/x)'];
    const source = articleSource(validFront(), `## Tips\n\n${items.join('\n')}`);
    expect(problemsOf(source)).toEqual(items.map((_, i) => empty(10 + i)));
  });

  it('GIVEN a name followed by nothing shown (`*Name:*` alone, `**Name:** ****`, an empty link) THEN it has a name but no text', () => {
    const source = articleSource(
      validFront(),
      '## Tips\n\n- *Alone:*\n- **Rule:** ****\n- **Link:** [](http://x)\n- Plain: \\\n- **Bold tip**',
    );
    expect(problemsOf(source)).toEqual([
      named(10, 'Alone'),
      named(11, 'Rule'),
      named(12, 'Link'),
      named(13, 'Plain'),
    ]);
  });

  it('GIVEN a <details> element holding a list, a code block or text between tips THEN it is text between them, or the named item’s text: never tips', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n3. Start.\n4. Ask.\n\n<details>\n<summary>Our template</summary>\n\n- Summary\n- Impact\n</details>\n\n5. Last.\n\n<details><summary>More</summary>\nHidden text.\n</details>\n\n- **Six:**\n\n<details>\n<summary>The command</summary>\n\n```sh\nmake\n```\n\n</details>\n\n- Seven.',
      ),
    );
    expect(article.sections.tips?.items.map(({ name, text, number }) => ({ name, text, number }))).toEqual([
      { name: undefined, text: 'Start.', number: 3 },
      { name: undefined, text: 'Ask.', number: 4 },
      { name: undefined, text: 'Last.', number: 5 },
      { name: 'Six', text: 'The command\n\n```sh\nmake\n```', number: undefined },
      { name: undefined, text: 'Seven.', number: undefined },
    ]);
    expect(article.sections.tips?.interludes).toEqual([
      { after: 1, text: 'Our template\n\n- Summary\n- Impact' },
      { after: 2, text: 'More\n\nHidden text.' },
    ]);
    // Left open, it holds the rest of its section, not the next.
    const open = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- One.\n\n<details>\n<summary>S</summary>\n\n- Two\n\n## Skills\n\n- Three',
      ),
    );
    expect(open.sections.tips?.items.map((item) => item.text)).toEqual(['One.']);
    expect(open.sections.skills?.items.map((item) => item.text)).toEqual(['Three']);
  });

  it('GIVEN <details> elements and nothing else making items (an accordion of tips) THEN each is an item named by its summary', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n<details>\n<summary><strong>Ask early.</strong></summary>\n\nDo this first.\n\n</details>\n\n<details>\n<summary>Write it down</summary>\n\nAll of it.\n\n</details>',
      ),
    );
    expect(article.sections.tips?.items.map(({ name, text }) => [name, text])).toEqual([
      ['Ask early', 'Do this first.'],
      ['Write it down', 'All of it.'],
    ]);
  });

  it('GIVEN headings in a closed <details>, or a list in one beside bold-led tips THEN neither makes items, nor keeps the tips from being items', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- One.\n- Two.\n\n<details><summary>Template</summary>\n\n#### Summary\n\nWhat changed.\n\n</details>\n\n## Skills\n\n**Tip one.** Do a thing.\n\n**Tip two.** Do another.\n\n<details><summary>More</summary>\n\n- a note\n\n</details>',
      ),
    );
    expect(article.sections.tips?.items.map((item) => item.text)).toEqual(['One.', 'Two.']);
    // Written as the smallest heading Discord draws: it shows a `####` as written.
    expect(article.sections.tips?.interludes).toEqual([
      { after: 1, text: 'Template\n\n### Summary\n\nWhat changed.' },
    ]);
    expect(article.sections.skills?.items.map(({ name, text }) => [name, text])).toEqual([
      ['Tip one', 'Do a thing.'],
      ['Tip two', 'Do another.\n\nMore\n\n- a note'],
    ]);
  });

  it('GIVEN a named item ending its list, then a code block or paragraphs at the margin THEN they are its text, as the page shows them under it', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- **Step one:**\n\n```bash\nmake build\n```\n\n- **Step two:** run it.\n- **Four:**\n\nA paragraph after.\n\nAnd one more.\n\n- **Five:** x',
      ),
    );
    expect(article.sections.tips?.items).toEqual([
      { name: 'Step one', text: '```bash\nmake build\n```', line: 10 },
      { name: 'Step two', text: 'run it.', line: 16 },
      { name: 'Four', text: 'A paragraph after.\n\nAnd one more.', line: 17 },
      { name: 'Five', text: 'x', line: 23 },
    ]);
    expect(article.sections.tips?.interludes).toBeUndefined();
    // One inside its list still has nothing: the next item is not its text.
    expect(
      problemsOf(articleSource(validFront(), '## Tips\n\n- **Name:**\n- **Next:** x\n\nAfter.')),
    ).toEqual([named(10, 'Name')]);
  });
  it('GIVEN an item of only HTML or only an image THEN it is still left out or shown as today', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n- <!-- -->\n- ![Chart](/chart.png)\n- [](http://x) explains it',
      ),
    );
    expect(article.sections.tips?.items).toEqual([
      { text: '[Chart](https://blog.example/chart.png)', line: 11 },
      { text: '<http://x> explains it', line: 12 },
    ]);
  });

  it('GIVEN sub-headings separated by rules THEN the rules are no part of their text, and a heading over a rule alone is its own tip', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        '## Tips\n\n### Listen\n\nFirst.\n\n---\n\n### Ask questions\n\n---\n\n### Write',
      ),
    );
    expect(article.sections.tips?.items).toEqual([
      { name: 'Listen', text: 'First.', line: 10 },
      { text: 'Ask questions', line: 16 },
      { text: 'Write', line: 20 },
    ]);
  });

  it('GIVEN a link without text in section text or the summary THEN its address is shown, as `<url>`', () => {
    const article = mustParse(
      articleSource(
        validFront({ summary: 'See [](https://a.example/x).' }),
        '## Tips\n\nRead [](/guide) first.\n\n- Listen.',
      ),
    );
    expect(article.summary).toBe('See <https://a.example/x>.');
    expect(article.sections.tips?.text).toBe('Read <https://blog.example/guide> first.');
  });
});

describe('front matter problems inside a field: at the line of what is wrong, counted from 1', () => {
  const problemsIn = (front: string) =>
    problemsOf(`${front}\n## Tips\n- x\n`).map(({ line, field, message }) => ({ line, field, message }));

  it('GIVEN a tag of an emoji, or with an invisible character in it THEN it is a tag, as Hugo and Jekyll publish it', () => {
    const read = mustParse('---\ntitle: T\ntags: ["🚀", "zero\\u200bwidth", "zerowidth"]\n---\n\nText.\n');
    // The second and third are one tag: the zero-width space does not count.
    expect(read.tags).toEqual(['🚀', 'zero\u200bwidth']);
  });

  it('GIVEN bad tags in a list of "- " lines THEN each is named by its place, at its own line, once', () => {
    const long = 'x'.repeat(80);
    expect(
      problemsIn(`---\ntitle: Bad Tag\ntags:\n  - ok\n  -\n  - {nested: map}\n  - ${long}\n---`),
    ).toEqual([
      { line: 5, field: 'tags', message: 'the 2nd tag is empty: write it, or remove it' },
      { line: 6, field: 'tags', message: 'the 3rd tag must be text' },
      { line: 7, field: 'tags', message: 'the 4th tag may have at most 50 characters: shorten it' },
    ]);
    // `- ""` is one empty tag, not also one without a letter; a list may stand at its key's indentation.
    expect(problemsIn('---\ntitle: T\ntags:\n- ok\n- ""\n- "~~"\n---')).toEqual([
      { line: 5, field: 'tags', message: 'the 2nd tag is empty: write it, or remove it' },
      { line: 6, field: 'tags', message: 'the 3rd tag needs at least one letter, digit or emoji' },
    ]);
  });

  it('GIVEN items over several lines, comments between THEN the item counted is the one that is wrong', () => {
    expect(
      problemsIn(
        '---\ntitle: T\ntags:\n  # first\n  - >\n    a long\n    tag\n\n  - b\n  - [c]\nurl: /x\n---',
      ),
    ).toEqual([{ line: 10, field: 'tags', message: 'the 3rd tag must be text' }]);
  });

  it('GIVEN a list not written as "- " lines (a flow list, an alias) THEN the key\'s line', () => {
    expect(problemsIn('---\ntitle: T\ntags: [a, {b: 1}]\n---')).toEqual([
      { line: 3, field: 'tags', message: 'the 2nd tag must be text' },
    ]);
    expect(problemsIn('---\nlist: &l\n  - a\n  - [b]\ntitle: T\ntags: *l\n---')).toEqual([
      { line: 6, field: 'tags', message: 'the 2nd tag must be text' },
    ]);
    // Written twice, YAML keeps the last: not the first one's 2nd item.
    expect(problemsIn('---\ntitle: T\ntags:\n  - a\n  - b\ntags:\n  - ok\n  - [x]\n---')).toEqual([
      { line: 3, field: 'tags', message: 'the 2nd tag must be text' },
    ]);
    expect(problemsIn('+++\ntitle = "T"\ntags = [\n  "a",\n  "b",\n  [],\n]\n+++')).toEqual([
      { line: 3, field: 'tags', message: 'the 3rd tag must be text' },
    ]);
  });

  it('GIVEN a key under sections that is wrong THEN the line of that key, in YAML and in a TOML table', () => {
    expect(
      problemsIn('---\ntitle: Unknown Section\nsections:\n  tips: Tips\n  tricks: Things to try\n---'),
    ).toEqual([
      {
        line: 5,
        field: 'sections',
        message: '"tricks": no section kind; the kinds are motivations, skills, tips, like { tips: Advice }',
      },
    ]);
    expect(problemsIn('---\ntitle: T\nsections:\n  skills: Skills\n  tips: [1]\n---')).toMatchObject([
      { line: 5, field: 'sections.tips' },
    ]);
    expect(problemsIn('+++\ntitle = "T"\n[sections]\ntips = "Tips"\ntricks = "Tricks"\n+++')).toMatchObject([
      { line: 5, field: 'sections' },
    ]);
    // Written on the key's line: that line.
    expect(problemsIn('---\ntitle: T\nsections: { tricks: Tricks }\n---')).toMatchObject([
      { line: 3, field: 'sections' },
    ]);
  });

  it('GIVEN JSON front matter THEN a problem is at the line its key is written on, keys sharing a line', () => {
    expect(problemsIn('---json\n{"title": "J", "date": "2023-02-30"}\n---')).toMatchObject([
      { line: 2, field: 'date' },
    ]);
    expect(problemsIn('{\n  "title": "T",\n  "summary": "a \\"date\\": b",\n  "date": "x"\n}')).toMatchObject(
      [{ line: 4, field: 'date' }],
    );
  });
});

describe('addresses made URIs', () => {
  it('GIVEN a url and an item link with other scripts, an IDN host and a `|` THEN both are ASCII URIs', () => {
    const body = '## Tips\n\n- **Read:** [this](https://例え.jp/a|b) and [that](/émigré).';
    const article = mustParse(articleSource(validFront({ url: 'https://例え.jp/寻找导师' }), body));
    expect(article.url).toBe('https://xn--r8jz45g.jp/%E5%AF%BB%E6%89%BE%E5%AF%BC%E5%B8%88');
    expect(article.sections.tips?.items[0]?.text).toBe(
      '[this](https://xn--r8jz45g.jp/a%7Cb) and [that](https://blog.example/%C3%A9migr%C3%A9).',
    );
  });
});

describe('control characters, which Discord drops from embeds', () => {
  /** What Discord shows of a text: without its control characters (C0, DEL, C1). */
  const shown = (text: string) => text.replace(/\p{Cc}/gu, '').trim();
  const parse = (body: string, front = validFront(), file = 'content/a.md') =>
    parseArticle({ file, source: articleSource(front, body), siteUrl: 'https://blog.example' });

  it('GIVEN an item named only by a control character THEN no field has an empty name or value, and the messages pass the limits', () => {
    const article = mustParse(articleSource(validFront(), '## Tips\n\n- **\u0085:** text\n- **Two:** more'));
    const items = article.sections.tips?.items ?? [];
    expect(items.map((item) => [item.name, item.text])).toEqual([
      [undefined, '**:** text'],
      ['Two', 'more'],
    ]);
    const { index } = buildIndex([article]);
    const payloads = [
      renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index),
      ...index.items('tips').map(renderTip),
    ];
    for (const payload of payloads) {
      expect(messageLimitViolations(payload)).toEqual([]);
      for (const embed of payload.embeds ?? []) {
        for (const field of embed.fields ?? []) {
          expect(shown(field.name)).not.toBe('');
          expect(shown(field.value)).not.toBe('');
        }
        expect(shown(embed.title ?? 'none')).not.toBe('');
        expect(shown(embed.description ?? 'none')).not.toBe('');
      }
    }
  });

  it('GIVEN an item whose text is only a control character THEN it is an item without text, as when empty', () => {
    for (const control of ['\u001c', '\u0085', '\u007f', '\u0000', '\u000b']) {
      const result = parse(`## Tips\n\n- **Ok:** ${control}\n- **Two:** more`);
      expect(result.ok ? [] : result.problems.map((p) => [p.line, p.message])).toEqual([
        [10, 'the item "Ok" has a name but no text: write its text after the name, or remove the item'],
      ]);
      const unnamed = parse(`## Tips\n\n- ${control}\n- **Two:** more`);
      expect(unnamed.ok ? [] : unnamed.problems.map((p) => p.message)).toEqual([
        'the item is empty: write its text, or remove the item',
      ]);
    }
  });

  it('GIVEN control characters in the title, summary, names and text THEN none is left, tabs and line breaks stay', () => {
    const article = mustParse(
      articleSource(
        validFront({ title: 'Ask\u0085 for\u0000 help', summary: 'Why\u001b it\u009b matters.' }),
        // A hard line break (`\\` at the line's end) stays; a soft one is a space (see toDiscordMarkdown).
        '## Tips\n\n- **Pl\u0007an\u0001:** Write it\u0002\u00a0down.\n- **Two:** a\tb\u0003\\\nc',
      ),
    );
    expect(article.title).toBe('Ask for help');
    expect(article.summary).toBe('Why it matters.');
    expect(article.sections.tips?.items.map((item) => [item.name, item.text])).toEqual([
      ['Plan', 'Write it\u00a0down.'],
      ['Two', 'a\tb\nc'],
    ]);
  });

  it('GIVEN a title of only control characters THEN the file name titles the post, as for a blank one', () => {
    const article = mustParse(
      articleSource(validFront({ title: '\u0085\u001c' }), '## Tips\n\n- **One:** a'),
      'content/ask-for-help.md',
    );
    expect(article.title).toBe('Ask For Help');
  });

  it('GIVEN an MDX post with a NUL and an expression THEN the NUL is dropped, not read as the mark of a removal, and the expression is removed with its space', () => {
    const result = parse(
      '## Tips\n\n- **One:** a \u0000b {props.x}.\n- **Two:** c',
      validFront(),
      'content/a.mdx',
    );
    expect(
      result.ok ? result.article.sections.tips?.items.map((item) => item.text) : result.problems,
    ).toEqual(['a b.', 'c']);
  });
});
