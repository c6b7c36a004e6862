// The chart colours, read from VS Code's theme variables at draw time (the
// extension posts `theme` when they change): text, grid, and one colour per
// kind of series (train, validation, test, ...), correct in light, dark and
// high-contrast themes.

export interface ChartTheme {
  foreground: string;
  /** axis labels and ticks */
  muted: string;
  grid: string;
  font: string;
  highContrast: boolean;
  colors: { blue: string; red: string; green: string; orange: string; purple: string; yellow: string };
}

export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const foreground = v('--vscode-editor-foreground', v('--vscode-foreground', '#cccccc'));
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const family = v('--vscode-font-family', 'system-ui, sans-serif');
  return {
    foreground,
    muted: v('--vscode-descriptionForeground', foreground),
    grid: highContrast ? withAlpha(foreground, 0.35) : withAlpha(foreground, 0.12),
    font: `11px ${family}`,
    highContrast,
    colors: {
      blue: v('--vscode-charts-blue', '#3794ff'),
      red: v('--vscode-charts-red', '#f14c4c'),
      green: v('--vscode-charts-green', '#89d185'),
      orange: v('--vscode-charts-orange', '#d18616'),
      purple: v('--vscode-charts-purple', '#b180d7'),
      yellow: v('--vscode-charts-yellow', '#cca700'),
    },
  };
}

/** The colour for a series by what it is (the legend label of chart-groups' seriesLabel). */
export function seriesColor(theme: ChartTheme, label: string): string {
  const c = theme.colors;
  switch (label) {
    case 'train':
      return c.blue;
    case 'validation':
      return c.orange;
    case 'test':
      return c.green;
    case 'discriminator':
      return c.red;
    case 'generator':
      return c.blue;
    case 'modes':
    case 'speed':
      return c.purple;
    default:
      return c.yellow;
  }
}

/** `#rrggbb`, `#rgb`, `#rrggbbaa` or `rgb(a)(...)` at `alpha` opacity; any other colour as it is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color.trim());
  if (hex) {
    let digits = hex[1]!;
    if (digits.length === 3 || digits.length === 4) digits = [...digits].map((d) => d + d).join('');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
    const a = digits.length === 8 ? parseInt(digits.slice(6, 8), 16) / 255 : 1;
    return `rgba(${r}, ${g}, ${b}, ${+(a * alpha).toFixed(3)})`;
  }
  const rgb = /^rgba?\(([^)]+)\)$/i.exec(color.trim());
  if (rgb) {
    const parts = rgb[1]!.split(/[\s,/]+/).filter(Boolean);
    const a = parts[3] !== undefined ? parseFloat(parts[3]) : 1;
    return `rgba(${parts[0]}, ${parts[1]}, ${parts[2]}, ${+(a * alpha).toFixed(3)})`;
  }
  return color;
}
