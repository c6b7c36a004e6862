// How the training view and the status bar write numbers: losses and
// metrics with a few significant digits, counts with thousands separators,
// durations as `1 h 05 min`, `3 min 20 s` or `12 s`.

/** A loss or metric: 0.413, 0.0053, 2.31, 12.3, 1,234. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size === 0) return '0';
  if (size >= 100) return formatCount(value);
  if (size >= 10) return trimZeros(value.toFixed(1));
  if (size >= 1) return trimZeros(value.toFixed(2));
  return trimZeros(value.toPrecision(3));
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole number with thousands separators: 101,770. */
export function formatCount(value: number): string {
  return grouped.format(Math.round(value));
}

/** A rate (examples per second): 3 significant digits at most, grouped: 1,230, 45.6, 0.82. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  if (value >= 100) {
    const magnitude = 10 ** (Math.floor(Math.log10(value)) - 2);
    return formatCount(Math.round(value / magnitude) * magnitude);
  }
  return trimZeros(value.toPrecision(3));
}

/** A duration in seconds: `0.7 s`, `12 s`, `3 min 20 s`, `1 h 05 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 10) return `${trimZeros(seconds.toFixed(1))} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

function trimZeros(text: string): string {
  if (text.includes('e')) return text;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
