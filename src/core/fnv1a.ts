/** FNV-1a's offset basis: the hash of nothing, where a hash starts. */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a (32 bits) of `text`, going on from `hash`: a cheap, stable hash. */
export function fnv1a(text: string, hash = FNV_OFFSET): number {
  let next = hash;
  for (let i = 0; i < text.length; i++) {
    next ^= text.charCodeAt(i);
    next = Math.imul(next, 0x01000193);
  }
  return next;
}
