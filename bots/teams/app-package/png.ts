/**
 * A minimal PNG encoder (8-bit RGBA, no interlace) and the "N" glyph Nabo's icons show, drawn
 * with 4×4 supersampling so the edges are smooth. Only Node's zlib; no image library.
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32';

/** An RGBA image: width × height × 4 bytes. */
export interface Image {
  width: number;
  height: number;
  data: Uint8Array;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** PNG bytes of an RGBA image. */
export function encodePng(img: Image): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // colour type: RGBA
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(img.data.buffer, img.data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Whether point (x, y) in a unit square (0..1) is inside a bold "N". */
export function insideN(x: number, y: number): boolean {
  const left = 0.2;
  const right = 0.8;
  const stem = 0.16;
  const top = 0.18;
  const bottom = 0.82;
  if (y < top || y > bottom) return false;
  if (x >= left && x <= left + stem) return true;
  if (x >= right - stem && x <= right) return true;
  // The diagonal from the top of the left stem to the bottom of the right stem.
  const t = (y - top) / (bottom - top);
  const centre = left + stem / 2 + t * (right - left - stem);
  return Math.abs(x - centre) <= stem * 0.62 && x >= left && x <= right;
}

/** An icon: `background` (or transparent) with the N in `foreground`; `inset` shrinks the glyph. */
export function drawIcon(size: number, foreground: [number, number, number], background: [number, number, number] | null, inset = 0): Image {
  const data = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const gx = (x - inset) / (1 - 2 * inset);
          const gy = (y - inset) / (1 - 2 * inset);
          if (insideN(gx, gy)) hits++;
        }
      }
      const a = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) data[i + c] = Math.round((foreground[c] as number) * a + (background[c] as number) * (1 - a));
        data[i + 3] = 255;
      } else {
        data.set(foreground, i);
        data[i + 3] = Math.round(255 * a);
      }
    }
  }
  return { width: size, height: size, data };
}
