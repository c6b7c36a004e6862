// The images the detection steps read: pixels as a Float32Array, channels
// last, [height, width, channels], row by row.

/** An RGB image, `pixels` [height, width, 3] in [0, 1]. */
export interface RgbImage {
  pixels: Float32Array;
  height: number;
  width: number;
}

/** An image of any number of channels, `pixels` [height, width, channels]. */
export interface ChannelImage {
  pixels: Float32Array;
  height: number;
  width: number;
  channels: number;
}

/** Throws when `pixels` does not hold height x width x channels values or a size is not a whole number >= 0. */
export function checkImageSize(what: string, image: ChannelImage): void {
  const { height, width, channels, pixels } = image;
  for (const [name, size] of [['height', height], ['width', width], ['channels', channels]] as const) {
    if (!Number.isInteger(size) || size < 0) throw new Error(`${what}: the image's ${name} must be a whole number >= 0, not ${size}`);
  }
  if (pixels.length !== height * width * channels) {
    throw new Error(`${what}: an image of ${height} x ${width} x ${channels} holds ${height * width * channels} values, but it was given ${pixels.length}`);
  }
}
