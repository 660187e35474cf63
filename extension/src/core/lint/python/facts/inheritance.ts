// In-file base classes: `class Child(Base)` inherits Base's methods and the attributes Base's methods store in
// `self`. Only bases that are module-level classes of the same file are followed (by name, a few levels up);
// anything else (library bases, `Generic[T]`, metaclass keywords) adds nothing.
import type { Analysis } from './analysis';
import type { Scope } from './scopes';

/** How many levels of bases are followed. */
const MAX_LEVELS = 4;

/** `cls` and its in-file base classes, nearest first (each once). */
export function classAndBases(a: Analysis, cls: Scope): Scope[] {
  const out: Scope[] = [cls];
  for (let i = 0; i < out.length && out.length <= MAX_LEVELS * 2; i++) {
    const supers = out[i].node.childForFieldName('superclasses');
    if (!supers || (i > 0 && out.length > MAX_LEVELS)) continue;
    for (const b of supers.namedChildren) {
      if (b?.type !== 'identifier') continue;
      const base = a.moduleClass(b.text);
      if (base && !out.includes(base)) out.push(base);
    }
  }
  return out;
}

/** Is `sub` the class `base` or one derived from it in this file? */
export function derivesFrom(a: Analysis, sub: Scope | null, base: Scope): boolean {
  return !!sub && (sub === base || classAndBases(a, sub).includes(base));
}

/** Does some class header of the file name `name` among its bases (`class Child(Base):`)? A text test. */
export function hasSubclasses(a: Analysis, name: string): boolean {
  return a.namedAmongBases(name);
}
