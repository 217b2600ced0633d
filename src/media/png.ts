/**
 * Small PNG files made in code, byte for byte the same on every run: the
 * benchmark's corpus and the tests give posts real images without keeping
 * binary files in the repository. Truecolour, 8 bits, no interlace, one
 * zlib stream at a fixed level (RFC 2083).
 */
import { crc32, deflateSync } from "node:zlib";

export interface PngOptions {
  width: number;
  height: number;
  /** Seed of the pattern: the same seed, the same picture. */
  seed?: number;
  /** Grain over the pattern, as a photograph has (modern formats then pay); off gives a flat diagram. */
  grain?: boolean;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A diagram-like picture: bands and blocks of a few colours picked by `seed`. */
export function makePng({ width, height, seed = 1, grain = false }: PngOptions): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`a PNG needs a whole width and height ≥ 1, not ${width}×${height}`);
  }
  const palette = [0, 1, 2, 3].map((i) => {
    const v = (Math.imul(seed + i * 7919, 2654435761) >>> 0) & 0xffffff;
    return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff] as const;
  });
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const band = (Math.floor(x / 24) + Math.floor(y / 16) + seed) % palette.length;
      const [r, g, b] = palette[band]!;
      const at = y * row + 1 + x * 3;
      // A fixed hash of the position: the same grain on every run.
      const n = grain ? ((Math.imul(x * 73856093 ^ y * 19349663, 83492791) >>> 24) % 48) - 24 + Math.round((x + y) / 8) % 32 : 0;
      raw[at] = Math.max(0, Math.min(255, r + n));
      raw[at + 1] = Math.max(0, Math.min(255, g + n));
      raw[at + 2] = Math.max(0, Math.min(255, b + n));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
