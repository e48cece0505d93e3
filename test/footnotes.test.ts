import { describe, expect, it } from 'vitest';
import { searchTerms } from '../src/core/article-search.js';
import { messageLimitViolations } from '../src/core/check-limits.js';
import { buildIndex } from '../src/core/content-index.js';
import { toDiscordMarkdown } from '../src/core/markdown.js';
import { footnoteMarker, markdownTree } from '../src/core/markdown-tree.js';
import { parseArticle } from '../src/core/parse-article.js';
import { renderTip } from '../src/core/render/tip.js';
import { articleSource, mustParse, validFront } from './helpers/articles.js';

/** The word joiner before a marker in the text (see markdownTree's footnotes). */
const WJ = '\u2060';

/** The post with `body`, parsed end to end. */
const parse = (body: string) => mustParse(articleSource(validFront(), body));

/** Each tip's text. */
const tipTexts = (body: string) => parse(body).sections.tips?.items.map((item) => item.text);

describe('footnotes', () => {
  it('GIVEN numbers THEN markers are their superscript digits', () => {
    expect([1, 2, 9, 10, 23].map(footnoteMarker)).toEqual(['¹', '²', '⁹', '¹⁰', '²³']);
  });

  it('GIVEN tips citing footnotes THEN each shows its marker and, right after, its note; the Discord reply too', () => {
    const body = [
      '## Tips',
      '',
      '- **Ask:** Managers need support.[^gallup]',
      '- **Sleep:** It matters[^sleep] a lot.',
      '',
      '[^gallup]: Gallup, [State of the Manager](https://gallup.example/report), 2019.',
      '[^sleep]: See *Why We Sleep*.',
    ].join('\n');
    expect(tipTexts(body)).toEqual([
      `Managers need support.${WJ}¹\n\n¹ Gallup, [State of the Manager](https://gallup.example/report), 2019.`,
      `It matters${WJ}² a lot.\n\n² See *Why We Sleep*.`,
    ]);
    const tip = buildIndex([parse(body)]).index.items('tips')[0];
    if (tip === undefined) throw new Error('no tip');
    const payload = renderTip(tip);
    expect(messageLimitViolations(payload)).toEqual([]);
    expect(payload.embeds?.[0]?.description).toBe(
      `Managers need support.${WJ}¹\n\n¹ Gallup, [State of the Manager](https://gallup.example/report), 2019.`,
    );
    expect(JSON.stringify(payload)).not.toContain('[^');
  });

  it('GIVEN named, numbered and inline footnotes THEN numbered in the order first cited, one number per note', () => {
    const body = [
      '## Tips',
      '',
      '- One^[An inline note.] and[^z] again[^z].',
      '- Two[^a].',
      '',
      '[^a]: First defined.',
      '[^z]: Second defined.',
    ].join('\n');
    expect(tipTexts(body)).toEqual([
      `One${WJ}¹ and${WJ}² again${WJ}².\n\n¹ An inline note.\n\n² Second defined.`,
      `Two${WJ}³.\n\n³ First defined.`,
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `- Tip ${i}[^n${i}]`).join('\n');
    const notes = Array.from({ length: 11 }, (_, i) => `[^n${i}]: Note ${i}.`).join('\n');
    expect(tipTexts(`## Tips\n\n${many}\n\n${notes}`)?.at(-1)).toBe(`Tip 10${WJ}¹¹\n\n¹¹ Note 10.`);
  });

  it('GIVEN a note of paragraphs, a list, code and a note it cites THEN one line each, links kept, in the same container', () => {
    const source = [
      '> Quoted claim.[^long]',
      '',
      'After.',
      '',
      '[^long]: First paragraph',
      '    goes on.',
      '',
      '    Second, citing[^inner].',
      '',
      '    1. [one](https://x.example/1)',
      '    2. two',
      '',
      '    ```',
      '    npm test',
      '    ```',
      '[^inner]: Inner.',
    ].join('\n');
    expect(toDiscordMarkdown(markdownTree(source).children, undefined)).toBe(
      [
        `> Quoted claim.${WJ}¹`,
        '>',
        `> ¹ First paragraph goes on. Second, citing${WJ}². 1. [one](https://x.example/1) 2. two \`npm test\``,
        '>',
        '> ² Inner.',
        '',
        'After.',
      ].join('\n'),
    );
  });

  it('GIVEN a note never cited, or a reference without a note THEN the note is left out, the reference stays text', () => {
    const texts = tipTexts('## Tips\n\n- Plain tip.\n- Missing[^x] note.\n\n[^unused]: Never cited.');
    expect(texts).toEqual(['Plain tip.', 'Missing\\[^x] note.']);
    expect(JSON.stringify(parse('## Tips\n\n- Tip.\n\n[^unused]: Never cited.'))).not.toContain(
      'Never cited',
    );
  });

  it('GIVEN a note cited in the intro, then by a tip, twice in one tip THEN each tip shows it once, under its first citation', () => {
    const body = [
      'Intro, as Gallup found.[^g]',
      '',
      '## Tips',
      '',
      '- Ask for support.[^g] Really[^g].',
      '',
      '  More text.',
      '- Nothing cited.',
      '',
      '[^g]: Gallup, 2019.',
    ].join('\n');
    expect(tipTexts(body)).toEqual([
      `Ask for support.${WJ}¹ Really${WJ}¹.\n\n¹ Gallup, 2019.\n\nMore text.`,
      'Nothing cited.',
    ]);
  });

  it('GIVEN footnotes in headings THEN the section is still found, a heading shows no marker, and its note opens what it names', () => {
    const body = [
      '## Tips[^t]',
      '',
      '- A tip.',
      '',
      '## Skills',
      '',
      '### Writing[^w]',
      '',
      'Write daily.',
      '',
      '[^t]: Tips from my team.',
      '[^w]: Since 2010.',
    ].join('\n');
    const { sections } = parse(body);
    expect(sections.tips).toMatchObject({ heading: 'Tips', text: '¹ Tips from my team.' });
    expect(sections.tips?.items.map((item) => item.text)).toEqual(['A tip.']);
    expect(sections.skills?.items).toMatchObject([
      { name: 'Writing', text: '² Since 2010.\n\nWrite daily.' },
    ]);
  });

  it('GIVEN bold-led tips with notes THEN each note stays with its tip', () => {
    const body = '## Tips\n\n**Ask.** Often.[^a]\n\n**Listen.** More.[^b]\n\n[^a]: Note a.\n[^b]: Note b.';
    expect(parse(body).sections.tips?.items).toMatchObject([
      { name: 'Ask', text: `Often.${WJ}¹\n\n¹ Note a.` },
      { name: 'Listen', text: `More.${WJ}²\n\n² Note b.` },
    ]);
  });

  it('GIVEN a note far longer than a message THEN the tip goes through the same cutting and fits Discord', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const article = parse(`## Tips\n\n- **Cited:** A short tip.[^long]\n\n[^long]: ${long}`);
    const tip = buildIndex([article]).index.items('tips')[0];
    if (tip === undefined) throw new Error('no tip');
    const payload = renderTip(tip);
    expect(messageLimitViolations(payload)).toEqual([]);
    // Split between the blocks, as any long text: the note goes on in the fields, then points on.
    const embed = payload.embeds?.[0];
    expect(embed?.description).toBe(`A short tip.${WJ}¹`);
    expect(embed?.fields?.[0]?.value).toMatch(/^¹ word0 word1 /);
    expect(embed?.fields?.at(-1)?.value).toMatch(/Read on in the article/);
  });

  it('GIVEN cited words and notes THEN search reads the notes’ words, and a cited word as itself', () => {
    const source = articleSource(
      validFront(),
      '## Tips\n\n- Trust your manager[^m].\n\n[^m]: Walker, on sleep.\n[^x]: Uncited words.',
    );
    const result = parseArticle({ file: 'content/a.md', source, siteUrl: 'https://blog.example' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const terms = searchTerms(result.searchText ?? '');
    expect(terms).toEqual(expect.arrayContaining(['manager', 'walker', 'sleep']));
    expect(terms).not.toContain('uncited');
    expect(result.article.leftOutTags).toBeUndefined();
  });

  it('GIVEN a long note cited by every item of a long list THEN its repeats stop at a budget of the source’s length', () => {
    const note = 'n'.repeat(1000);
    const items = Array.from({ length: 500 }, (_, i) => `- Item ${i}[^n]`).join('\n');
    const source = `${items}\n\n[^n]: ${note}`;
    const written = toDiscordMarkdown(markdownTree(source).children, undefined);
    const shown = written.split(note).length - 1;
    // The first showing, then as many repeats as the source's length pays for.
    expect(shown).toBe(1 + Math.floor(source.length / note.length));
    expect(written.length).toBeLessThan(3 * source.length);
  });
});
