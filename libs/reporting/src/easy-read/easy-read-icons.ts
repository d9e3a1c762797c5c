import { readFileSync } from 'node:fs';
import { EASY_READ_ICONS, type EasyReadIcon } from './easy-read.model';

const INK = '#0b0c0c';
const icons = new Map<EasyReadIcon, string>();

/**
 * An icon's SVG, drawn in the report's ink (the set draws in `currentColor`, which neither a PDF nor an
 * image in HTML can inherit) and without its licence comment. Read once from the installed icon set.
 */
export function iconSvg(name: EasyReadIcon): string {
  let svg = icons.get(name);
  if (svg === undefined) {
    if (!EASY_READ_ICONS.includes(name)) throw new Error(`no Easy Read icon is called "${name}"; use one of ${EASY_READ_ICONS.join(', ')}`);
    svg = readFileSync(require.resolve(`lucide-static/icons/${name}.svg`), 'utf8')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/currentColor/g, INK)
      .replace(/\s*class="[^"]*"/, '')
      .trim();
    icons.set(name, svg);
  }
  return svg;
}
