import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import { crc32 } from './zip-normalise.js';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const deflateAsync = promisify(deflate);

/**
 * Encodes RGBA pixels on white as an opaque RGB PNG. No alpha channel on purpose: pdfkit splits
 * alpha asynchronously, which makes the order of images in a PDF (and so its bytes) vary.
 * Compresses on the thread pool.
 */
export async function encodeRgbPngAsync(
  rgba: Uint8Array,
  width: number,
  height: number,
): Promise<Uint8Array> {
  return pngFile(width, height, await deflateAsync(rgbRows(rgba, width, height), { level: 6 }));
}

/** Filter byte 0 and RGB for each row, alpha blended onto white. */
function rgbRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const o = row + 1 + x * 3;
      const alpha = rgba[i + 3]!;
      if (alpha === 255) {
        raw[o] = rgba[i]!;
        raw[o + 1] = rgba[i + 1]!;
        raw[o + 2] = rgba[i + 2]!;
      } else {
        const a = alpha / 255;
        for (let c = 0; c < 3; c++) raw[o + c] = Math.round(rgba[i + c]! * a + 255 * (1 - a));
      }
    }
  }
  return raw;
}

function pngFile(width: number, height: number, idat: Buffer): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
