/**
 * Which of a Hugo site's pages are its posts. Hugo lists on a blog's home page the pages of its main
 * sections (`mainSections` or `params.mainSections`, else the section with the most pages): a page at the top of its
 * content (`about.md`, a theme's `search.md` and `archives.md`) is in no section, a page of the site
 * rather than a post. Without `mainSections`, every section's pages are read, and the top's too when
 * the blog has no sections (a blog of top-level posts).
 */
export interface HugoMainSections {
  /** The configuration's `mainSections` (or `params.mainSections`), lowercased; undefined when it sets none. */
  readonly named: readonly string[] | undefined;
  /** Whether any page of the content is in a section. */
  readonly sectioned: boolean;
}

/**
 * The name given most often, if any; of those given as often, the first in code-point order, so that
 * the order files are found in (the file system's) never decides.
 */
export function mostCommon(names: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts)
    if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0]))
      best = entry;
  return best?.[0];
}

/**
 * The section of a page at `parts` of its path in Hugo's content (folders, then the file's name):
 * its first folder, or `''` for a page at the top, or in a leaf bundle there (`about/index.md`, a
 * page itself, as `isBundle` says of that folder).
 */
export function hugoSectionOf(parts: readonly string[], isBundle: (top: string) => boolean): string {
  const [top] = parts;
  return parts.length < 2 || top === undefined || isBundle(top) ? '' : top;
}

/** Whether a page of `section` is one of the site's posts (see {@link HugoMainSections}). */
export function isMainSection(section: string, main: HugoMainSections): boolean {
  if (main.named !== undefined) return main.named.includes(section.toLowerCase());
  return section !== '' || !main.sectioned;
}

/** Hugo's `mainSections` as written (a list of names, or one name); undefined for anything else. */
export function mainSectionsOf(value: unknown): readonly string[] | undefined {
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.length === 0) return undefined;
  if (!names.every((name): name is string => typeof name === 'string' && name.trim() !== ''))
    return undefined;
  return names.map((name) => name.trim().toLowerCase());
}
