import { createCanvas, loadImage } from "@napi-rs/canvas";

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which the PNG spec requires to come first. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error("no IHDR chunk");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Decodes a PNG into RGBA pixels with the same canvas library the rasterizer uses. */
export async function decodePng(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

export function pixelAt(pixels: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (y * pixels.width + x) * 4;
  return [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2], pixels.data[i + 3]] as [
    number,
    number,
    number,
    number,
  ];
}

/** How many pixels differ between two same-sized images, within a rectangle. */
export function differingPixels(
  a: Pixels,
  b: Pixels,
  rect = { x: 0, y: 0, width: a.width, height: a.height },
): number {
  let count = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * a.width + x) * 4;
      if (
        a.data[i] !== b.data[i] ||
        a.data[i + 1] !== b.data[i + 1] ||
        a.data[i + 2] !== b.data[i + 2]
      ) {
        count++;
      }
    }
  }
  return count;
}

/** Pixels that are not pure white. */
export function inkedPixels(pixels: Pixels): number {
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (pixels.data[i] !== 255 || pixels.data[i + 1] !== 255 || pixels.data[i + 2] !== 255) count++;
  }
  return count;
}
