import type { Nodes, Parents, Root } from 'mdast';
import { isAttention, plainText, toDiscordMarkdown } from './markdown.js';
import { footnoteMarker, type Footnotes } from './markdown-tree.js';
import { oneLine } from './white-space.js';

/*
 * Footnotes as an item shows them: its text with each reference's marker (see toDiscordMarkdown),
 * then a line for each note it cites (`¹ Gallup, 2019.`), as an item is shown alone.
 */

/** What repeats of notes may add at least, and per character of the source: see ItemNotes. */
const REPEAT_BUDGET = { least: 256 * 1024, perSourceChar: 10 };

/** How much of a note a repeat past the budget shows, in characters, before its `…`. */
const SHORT_NOTE = 200;

/**
 * The note lines of items: each note cited in an item's nodes once, in the order first cited there.
 * A note cited by many items is shown whole in each while its repeats stay within a budget
 * ({@link REPEAT_BUDGET}: only a hostile post, a long note cited by thousands of items, reaches it);
 * past it, a repeat shows the note's first {@link SHORT_NOTE} characters and `…`.
 */
export class ItemNotes {
  private readonly written = new Map<string, string>();
  private readonly shortened = new Map<string, string>();
  private readonly shown = new Set<string>();
  private budget: number;

  constructor(
    private readonly footnotes: Footnotes,
    sourceLength: number,
    private readonly siteUrl: string | undefined,
  ) {
    this.budget = Math.max(REPEAT_BUDGET.least, REPEAT_BUDGET.perSourceChar * sourceLength);
  }

  /** The lines of the notes that `cited` cite (references in them, at any depth), or none. */
  lines(cited: readonly Nodes[]): string[] {
    const lines: string[] = [];
    for (const label of citedLabels(cited)) {
      const note = this.note(label);
      // A note of only what a message leaves out (HTML) has no line.
      if (note === undefined || note === '') continue;
      let shown = note;
      if (this.shown.has(label)) {
        if (note.length <= this.budget) this.budget -= note.length;
        else shown = this.short(label);
      }
      this.shown.add(label);
      lines.push(`${footnoteMarker(label)} ${shown}`);
    }
    return lines;
  }

  /** A note as Discord Markdown on one line (a `<br>` in it, a line break, is a space there). */
  private note(label: string): string | undefined {
    const known = this.written.get(label);
    if (known !== undefined) return known;
    const children = this.footnotes[label];
    if (children === undefined) return undefined;
    const note = oneLine(toDiscordMarkdown([{ type: 'paragraph', children }], this.siteUrl));
    this.written.set(label, note);
    return note;
  }

  /**
   * A note's first characters and `…`, as plain text (written so: a cut could break its markup); made
   * once per note, as thousands of repeats may ask for it.
   */
  private short(label: string): string {
    const known = this.shortened.get(label);
    if (known !== undefined) return known;
    const text = plainText({ type: 'paragraph', children: this.footnotes[label] ?? [] }).replace(/\s+/g, ' ');
    const chars: string[] = [];
    // Only the first characters are taken, whatever the note's length.
    for (const char of text.trim()) if (chars.push(char) > SHORT_NOTE) break;
    const cut =
      chars.length <= SHORT_NOTE ? chars.join('') : `${chars.slice(0, SHORT_NOTE).join('').trimEnd()}…`;
    const short = toDiscordMarkdown(
      [{ type: 'paragraph', children: [{ type: 'text', value: cut }] }],
      undefined,
    );
    this.shortened.set(label, short);
    return short;
  }
}

/** The labels of the footnote references in `nodes`, each once, in document order; walked without recursion. */
function citedLabels(nodes: readonly Nodes[]): Set<string> {
  const labels = new Set<string>();
  const stack: Nodes[] = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'footnoteReference') labels.add(node.label ?? node.identifier);
    // A loop, not push(...): a paragraph may hold more nodes than a call takes arguments.
    else if ('children' in node) for (const child of [...node.children].reverse()) stack.push(child);
  }
  return labels;
}

/**
 * A tree with each footnote reference that follows emphasis (`**Impact:**[^1]`, `*Name*[^1]: …`)
 * moved inside it, at its end (into the innermost emphasis ending it: `***Rest.***[^1]` stays bold
 * italic): an item's name is read from the emphasis opening its paragraph and what follows it, which
 * a reference shows nothing of (see plainText), so names are read as if no reference were there.
 * Changed in place; walked without recursion.
 */
export function referencesInEmphasis(root: Root): void {
  const stack: Parents[] = [root];
  for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
    const children = parent.children as Nodes[];
    for (let i = 1; i < children.length; i++) {
      const node = children[i];
      let into = children[i - 1];
      // Or with spaces between (`**Name** [^1]: text`): the spaces stay, before what follows.
      const spaced = i >= 2 && into?.type === 'text' && into.value.trim() === '';
      if (spaced) into = children[i - 2];
      if (node?.type !== 'footnoteReference' || !isAttention(into)) continue;
      for (let last = into.children.at(-1); isAttention(last); last = last.children.at(-1)) into = last;
      into.children.push(node);
      children.splice(i, 1);
      i--;
      // The spaces joined to the text after them, as they were before the reference was read.
      const [space, next] = [children[i], children[i + 1]];
      if (spaced && space?.type === 'text' && next?.type === 'text') {
        next.value = space.value + next.value;
        children.splice(i, 1);
        i--;
      }
    }
    for (const child of children) if ('children' in child) stack.push(child);
  }
}
