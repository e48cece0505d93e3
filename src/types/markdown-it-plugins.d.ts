// The plugins ship no types: each is a plugin taking the parser and nothing else.
declare module 'markdown-it-footnote' {
  import type { MarkdownIt } from 'markdown-it';
  const footnote: (md: MarkdownIt) => void;
  export default footnote;
}

declare module 'markdown-it-abbr' {
  import type { MarkdownIt } from 'markdown-it';
  const abbr: (md: MarkdownIt) => void;
  export default abbr;
}

declare module 'markdown-it-deflist' {
  import type { MarkdownIt } from 'markdown-it';
  const deflist: (md: MarkdownIt) => void;
  export default deflist;
}
