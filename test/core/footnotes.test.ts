import { describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { formOf } from '../../src/adapters/parse-file.js';
import type { Article } from '../../src/core/article.js';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import { buildIndex } from '../../src/core/content-index.js';
import { toDiscordMarkdown } from '../../src/core/markdown.js';
import { footnoteMarker, markdownTree } from '../../src/core/markdown-tree.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { parseArticle, type ParseResult } from '../../src/core/parse-article.js';
import { renderSectionView } from '../../src/core/render/section.js';
import { renderTip } from '../../src/core/render/tip.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth, LINEAR } from './growth.js';

const parse = (body: string) => mustParse(articleSource(validFront(), body));

/** The post of `lines` without a summary in its front matter: its first paragraph is one. */
function parseUnsummed(lines: readonly string[]): Article {
  const front = Object.fromEntries(Object.entries(validFront()).filter(([key]) => key !== 'summary'));
  return mustParse(articleSource(front, lines.join('\n')));
}

/** Each tip of a post whose body is `lines`, as name and text. */
const tips = (lines: readonly string[]) =>
  parse(lines.join('\n')).sections.tips?.items.map(({ name, text }) => ({ name, text }));

/** Every string a payload holds, joined. */
const shown = (payload: MessagePayload): string => JSON.stringify(payload);

/** The index's tips, rendered one by one as /tip shows them. */
function renderedTips(article: Article): MessagePayload[] {
  const { index } = buildIndex([article]);
  return index.items('tips').map((tip) => renderTip(tip));
}

describe('footnotes', () => {
  it('GIVEN numbers THEN their markers are superscript digits', () => {
    expect([1, 2, 9, 10, 23].map(footnoteMarker)).toEqual(['¹', '²', '⁹', '¹⁰', '²³']);
  });

  it('GIVEN tips citing notes THEN each shows its markers and, after its text, a line per note, numbered by first citation', () => {
    expect(
      tips([
        '## Tips',
        '',
        '- **Ask:** Managers need support.[^gallup]',
        '- **Sleep:** It matters[^sleep] a lot^[An inline note.].',
        '',
        '[^sleep]: See *Why We Sleep*, [the book](https://sleep.example/book).',
        '[^gallup]: Gallup, 2019.',
      ]),
    ).toEqual([
      { name: 'Ask', text: 'Managers need support.¹\n\n¹ Gallup, 2019.' },
      {
        name: 'Sleep',
        text: 'It matters² a lot³.\n\n² See *Why We Sleep*, [the book](https://sleep.example/book).\n³ An inline note.',
      },
    ]);
  });

  it('GIVEN a marker after emphasis THEN it goes inside it, and no character reference is written (QA 1)', () => {
    const items = tips([
      '## Tips',
      '',
      '- As Knuth wrote, **Knuth said:**[^2] premature optimisation.',
      '- She said *"hello!"*[^1] twice.',
      '- Bold *"quoted"*[^1]x and[^1]**"bold"** too.',
      '',
      '[^1]: One.',
      '[^2]: Two.',
    ]);
    expect(items?.map((item) => item.text)).toEqual([
      'As Knuth wrote, **Knuth said:¹** premature optimisation.\n\n¹ Two.',
      'She said *"hello!"²* twice.\n\n² One.',
      'Bold *"quoted"²*x and**²"bold"** too.\n\n² One.',
    ]);
    const article = parse(
      ['## Tips', '', '- **Knuth said:**[^2] a', '- *"hello!"*[^1] b', '', '[^1]: One.', '[^2]: Two.'].join(
        '\n',
      ),
    );
    for (const payload of renderedTips(article)) expect(shown(payload)).not.toMatch(/&#x?[0-9a-f]+;/i);
  });

  it('GIVEN markers in or next to an item name THEN items and names are read as without them (QA 2)', () => {
    expect(
      tips(['## Tips', '', '**Money.[^x]** Pay.', '', '**Growth.** Learning.', '', '[^x]: Pay note.']),
    ).toEqual([
      { name: 'Money', text: 'Pay.\n\n¹ Pay note.' },
      { name: 'Growth', text: 'Learning.' },
    ]);
    expect(
      tips([
        '## Tips',
        '',
        '- *Italic:[^t]* text',
        '- **Impact:[^i]** text',
        '- **Between**[^b]: text',
        '- Phrase[^p]: text',
        '- **Spaced** [^s]: text',
        '',
        '[^t]: T.',
        '[^i]: I.',
        '[^b]: B.',
        '[^p]: P.',
        '[^s]: S.',
      ]),
    ).toEqual([
      { name: 'Italic', text: 'text\n\n¹ T.' },
      { name: 'Impact', text: 'text\n\n² I.' },
      { name: 'Between', text: 'text\n\n³ B.' },
      { name: 'Phrase', text: 'text\n\n⁴ P.' },
      { name: 'Spaced', text: 'text\n\n⁵ S.' },
    ]);
    // A heading alone is a tip of its own, with its marker and note.
    expect(
      tips([
        '## Tips',
        '',
        '### Be patient[^bp]',
        '',
        '### Listen',
        '',
        'Hear them out.',
        '',
        '[^bp]: Slow.',
      ]),
    ).toEqual([
      { name: undefined, text: 'Be patient¹\n\n¹ Slow.' },
      { name: 'Listen', text: 'Hear them out.' },
    ]);
  });

  it('GIVEN a relative link in a note THEN it points where the same link in the post does', () => {
    const [tip] =
      tips(['## Tips', '', '- See [part one](part-one/).[^1]', '', '[^1]: Also [part two](part-two/).']) ??
      [];
    const body = /\[part one\]\(([^)]+)\)/.exec(tip?.text ?? '')?.[1] ?? '';
    expect(body).toMatch(/^https:\/\/blog\.example\/.*part-one\/$/);
    expect(tip?.text).toContain(`[part two](${body.replace('part-one', 'part-two')})`);
  });

  it('GIVEN a name with a note but no text THEN content:check still reports it (QA 2)', () => {
    const result = parseArticle({
      file: 'content/a.md',
      source: articleSource(
        validFront(),
        ['## Tips', '', '- **Only name:**[^f]', '- **Two:** text', '', '[^f]: F.'].join('\n'),
      ),
      siteUrl: 'https://blog.example',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'the item "Only name" has a name but no text: write its text after the name, or remove the item',
    ]);
  });

  it('GIVEN a note cited by ten tips THEN each shows it; a hostile number of repeats shows its first characters (QA 3)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `- Tip ${i}.[^shared]`);
    const texts = tips(['## Tips', '', ...ten, '', '[^shared]: Shared source.'])?.map((item) => item.text);
    expect(texts).toEqual(Array.from({ length: 10 }, (_, i) => `Tip ${i}.¹\n\n¹ Shared source.`));

    // A 3,000-character note cited by 1,000 tips: 3 MB of repeats, past the budget (256 KB here).
    const note = `${'word '.repeat(600)}end`;
    const many = Array.from({ length: 1000 }, (_, i) => `- T${i}[^n]`);
    const items = parse(['## Tips', '', ...many, '', `[^n]: ${note}`].join('\n')).sections.tips?.items ?? [];
    expect(items).toHaveLength(1000);
    expect(items[0]?.text).toBe(`T0¹\n\n¹ ${note}`);
    const last = items.at(-1)?.text ?? '';
    expect(last).toBe(`T999¹\n\n¹ ${note.slice(0, 200).trimEnd()}…`);
    const total = items.reduce((sum, item) => sum + item.text.length, 0);
    expect(total).toBeLessThan(note.length + 256 * 1024 + 1000 * 250);
  });

  it('GIVEN a note cited twice in an item, or in several of its blocks THEN it shows once there (QA 5)', () => {
    expect(
      tips([
        '## Tips',
        '',
        '### Rest[^r]',
        '',
        'Sleep[^r] well[^r].',
        '',
        '- And more[^r].',
        '',
        '### Listen',
        '',
        'Hear[^h] them.',
        '',
        'Again[^h].',
        '',
        '[^r]: Rest note.',
        '[^h]: Hear note.',
      ]),
    ).toEqual([
      { name: 'Rest', text: 'Sleep¹ well¹.\n\n- And more¹.\n\n¹ Rest note.' },
      { name: 'Listen', text: 'Hear² them.\n\nAgain².\n\n² Hear note.' },
    ]);
    // Tips led by bold paragraphs span several blocks too.
    expect(
      tips(['## Tips', '', '**One.** A[^a].', '', 'More[^a].', '', '**Two.** B[^a].', '', '[^a]: Note.']),
    ).toEqual([
      { name: 'One', text: 'A¹.\n\nMore¹.\n\n¹ Note.' },
      { name: 'Two', text: 'B¹.\n\n¹ Note.' },
    ]);
  });

  it('GIVEN a section lead-in citing a note THEN its text shows the note too', () => {
    const article = parse(['## Tips', '', 'Read these[^s].', '', '- One.', '', '[^s]: Source.'].join('\n'));
    expect(article.sections.tips?.text).toBe('Read these¹.\n\n¹ Source.');
  });

  it('GIVEN summaries (first paragraph, or before <!--more-->) THEN they show no marker and no note (QA 6)', () => {
    const first = parseUnsummed([
      'Managers need support[^1] to grow.',
      '',
      '## Tips',
      '',
      '- One.',
      '',
      '[^1]: Gallup.',
    ]);
    expect(first.summary).toBe('Managers need support to grow.');
    const more = parseUnsummed([
      'Intro[^1] here.',
      '',
      '- A *b*[^1]x',
      '',
      '<!--more-->',
      '',
      'After.',
      '',
      '[^1]: Note.',
    ]);
    expect(more.summary).toBe('Intro here.\n- A *b* x');
    // Left out beside emphasis, a reference leaves no mark touching a word, which would be encoded.
    const touching = parseUnsummed(['She said *"hello!"*[^1]x and y[^1]**"bold"**.', '', '[^1]: Note.']);
    expect(touching.summary).toBe('She said *"hello!"* x and y **"bold"**.');
  });

  it('GIVEN a marker after a bare address, and markers in a row THEN the address keeps its end and the numbers stay apart (QA 7)', () => {
    expect(
      tips([
        '## Tips',
        '',
        '- Read https://example.com/guide[^1] first.',
        '- Both[^1][^2].',
        '',
        '[^1]: One.',
        '[^2]: Two.',
      ])?.map((item) => item.text),
    ).toEqual(['Read https://example.com/guide ¹ first.\n\n¹ One.', 'Both¹,².\n\n¹ One.\n² Two.']);
  });

  it('GIVEN a marker after a megabyte-long word of "www." THEN the marker is set apart, in time that grows with the size only', () => {
    const write = (text: string) => toDiscordMarkdown(markdownTree(text).children, undefined);
    expect(write('a www.www.www.[^1] b\n\n[^1]: n')).toBe('a www.www.www. ¹ b');
    const inputs = [
      (size: number) => `a ${'www.'.repeat(size / 4)} [^1]\n\n[^1]: n`,
      (size: number) => `a ${'http://'.repeat(size / 7)}[^1] b\n\n[^1]: n`,
    ];
    for (const input of inputs) expect(growth(write, input)).toBeLessThan(LINEAR);
  });

  it('GIVEN one note cited twice in a row THEN it shows one marker, not ¹,¹', () => {
    expect(
      tips(['## Tips', '', '- Twice[^1][^1] and thrice[^2][^1][^2].', '', '[^1]: One.', '[^2]: Two.'])?.map(
        (item) => item.text,
      ),
    ).toEqual(['Twice¹ and thrice²,¹.\n\n¹ One.\n² Two.']);
  });

  it('GIVEN a tip and its section rendered THEN the markers and notes show, within Discord limits, even for a 2,000-word note', () => {
    const note = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const article = parse(
      [
        '## Tips',
        '',
        '- **Ask:** Managers need support.[^g]',
        '- **Long:** A long source.[^long]',
        '',
        '[^g]: Gallup, 2019.',
        `[^long]: ${note}`,
      ].join('\n'),
    );
    const [ask, long] = renderedTips(article);
    expect(ask?.embeds?.[0]?.description).toBe('Managers need support.¹\n\n¹ Gallup, 2019.');
    for (const payload of [ask, long]) {
      if (payload === undefined) throw new Error('no tip');
      expect(messageLimitViolations(payload)).toEqual([]);
      expect(shown(payload)).not.toContain('[^');
    }
    const { index } = buildIndex([article]);
    const section = renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index);
    expect(messageLimitViolations(section)).toEqual([]);
    expect(shown(section)).toContain('Managers need support.¹');
    expect(shown(section)).toContain('¹ Gallup, 2019.');
  });
});

describe('footnotes in search', () => {
  /** A search over posts as the bot keeps them: each parse's own search text. */
  function searchOf(bodies: Record<string, string>) {
    const store = ContentStore.memory(createLogger({ level: 'silent' }));
    const results: ParseResult[] = Object.entries(bodies).map(([slug, body]) =>
      parseArticle({
        file: `content/${slug}.md`,
        source: articleSource(validFront(), body),
        siteUrl: 'https://blog.example',
      }),
    );
    const kept = store.putAll(results.map((result, i) => ({ key: `k${i}`, form: formOf(result) })));
    const articles = kept.flatMap((result) => (result.ok ? [result.article] : []));
    const search = store.searchOf(articles);
    return (query: string) => search.search(query).map((article) => article.slug);
  }

  it('GIVEN a marker THEN it is no search word, and a quoted phrase reads across it (QA 4)', () => {
    const search = searchOf({
      cited: [
        '## Tips',
        '',
        '- Machine learning[^1] models help[^2][^3].',
        '',
        '[^1]: One.',
        '[^2]: Two.',
        '[^3]: Three.',
      ].join('\n'),
      plain: ['## Tips', '', '- Step 3 helps.'].join('\n'),
    });
    expect(search('3')).toEqual(['plain']);
    expect(search('learning1')).toEqual([]);
    expect(search('"learning models"')).toEqual(['cited']);
  });

  it('GIVEN a note THEN its words are found, as the tips citing it show them', () => {
    const search = searchOf({
      cited: [
        '## Tips',
        '',
        '- Engaged teams ship.[^1]',
        '',
        '[^1]: Gallup, State of the Global Workplace, 2019.',
      ].join('\n'),
      plain: ['## Tips', '', '- Ship small.'].join('\n'),
    });
    expect(search('gallup')).toEqual(['cited']);
    expect(search('"global workplace"')).toEqual(['cited']);
  });

  it('GIVEN 200 notes written line after line, each with a link THEN the post is read, each note a block of its own', () => {
    const count = 200;
    const result = parseArticle({
      file: 'content/a.md',
      siteUrl: 'https://blog.example',
      source: articleSource(
        validFront(),
        [
          '## Tips',
          '',
          ...Array.from({ length: count }, (_, i) => `- Claim ${i + 1}.[^${i + 1}]`),
          '',
          ...Array.from(
            { length: count },
            (_, i) => `[^${i + 1}]: Smith et al., [*Study ${i + 1}*](https://example.com/${i + 1}), 2019.`,
          ),
        ].join('\n'),
      ),
    });
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([]);
    const last = result.ok ? result.article.sections.tips?.items.at(-1)?.text : undefined;
    expect(last).toContain(
      `${footnoteMarker(count)} Smith et al., [*Study ${count}*](https://example.com/${count}), 2019.`,
    );
  });
});

describe('footnotes and abbreviations by the thousand', () => {
  it('GIVEN thousands of notes, each cited, in a long post THEN the time grows linearly and the last note shows', () => {
    // As many notes as paragraphs: the footnotes plugin's own last step copied the document once per note.
    const input = (size: number) => {
      const count = Math.floor(size / 32);
      return [
        ...Array.from({ length: count }, (_, i) => `Claim ${i}.[^${i}] ^[inline ${i}]`),
        ...Array.from({ length: count }, (_, i) => `[^${i}]: Note ${i}.`),
      ].join('\n\n');
    };
    expect(growth((text) => markdownTree(text), input)).toBeLessThan(LINEAR);
    const tips = [
      '## Tips',
      '',
      ...Array.from({ length: 3000 }, (_, i) => `- Claim ${i + 1}.[^${i + 1}]`),
      '- Inline.^[An inline note.]',
      '',
      ...Array.from({ length: 3000 }, (_, i) => `[^${i + 1}]: Note ${i + 1}.`),
    ];
    const items = parse(tips.join('\n')).sections.tips?.items;
    expect(items?.at(-2)?.text).toBe(
      `Claim 3000.${footnoteMarker(3000)}\n\n${footnoteMarker(3000)} Note 3000.`,
    );
    expect(items?.at(-1)?.text).toBe(
      `Inline.${footnoteMarker(3001)}\n\n${footnoteMarker(3001)} An inline note.`,
    );
  });

  it('GIVEN an abbreviation used thousands of times in one paragraph THEN the time grows linearly and the words stay', () => {
    const input = (size: number) => `*[AB]: A Bee\n\n${'AB\n'.repeat(size / 3)}`;
    expect(growth((text) => markdownTree(text), input)).toBeLessThan(LINEAR);
    expect(toDiscordMarkdown(markdownTree(input(30)).children, undefined).match(/\bAB\b/g)).toHaveLength(10);
  });
});
