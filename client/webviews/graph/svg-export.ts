// The drawing as a standalone SVG document: the whole graph at 1:1 (not the
// part in view), with the theme's colours and fonts written into each
// element, since the CSS variables it is drawn with exist only in the view.

const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'visibility'] as const;

export function exportSvg(svg: SVGSVGElement, size: { width: number; height: number }): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.ceil(size.width)));
  copy.setAttribute('height', String(Math.ceil(size.height)));
  copy.setAttribute('viewBox', `0 0 ${Math.ceil(size.width)} ${Math.ceil(size.height)}`);
  copy.removeAttribute('class');
  copy.removeAttribute('style');
  const view = copy.querySelector('g.viewport');
  view?.removeAttribute('transform');
  const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || getComputedStyle(document.body).backgroundColor;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  copy.insertBefore(rect, copy.firstChild);
  copy.querySelectorAll('.toggle-hit').forEach((e) => e.remove());
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Copies the computed presentation of each element of `from` onto the same element of `to`. */
function inlineStyles(from: Element, to: Element): void {
  const style = getComputedStyle(from);
  const parts: string[] = [];
  for (const name of STYLED) {
    const value = style.getPropertyValue(name);
    if (value) parts.push(`${name}:${value}`);
  }
  if (parts.length > 0 && from instanceof SVGElement && !(from instanceof SVGSVGElement)) to.setAttribute('style', parts.join(';'));
  for (let i = 0; i < from.children.length; i++) inlineStyles(from.children[i]!, to.children[i]!);
}
