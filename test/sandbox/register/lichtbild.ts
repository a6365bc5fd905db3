import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

// The training register holds no real photographs: each person with a Lichtbild gets a generated
// portrait placeholder (a silhouette on a colour derived from the AZR-Nummer), so the client's
// photo comparison step has something to show that cannot be mistaken for a real person.

const WIDTH = 120;
const HEIGHT = 160;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG portrait placeholder for the given AZR-Nummer (deterministic). */
export function syntheticLichtbild(azrNummer: string): Buffer {
  const hash = createHash('sha256').update(azrNummer).digest();
  const background = [150 + (hash[0]! % 90), 150 + (hash[1]! % 90), 150 + (hash[2]! % 90)];
  const figure = [70, 80, 95];
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) {
      const head = (x - 60) ** 2 / 28 ** 2 + (y - 58) ** 2 / 34 ** 2 <= 1;
      const shoulders = y > 100 && (x - 60) ** 2 / 55 ** 2 + (y - 165) ** 2 / 65 ** 2 <= 1;
      const colour = head || shoulders ? figure : background;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bit, truecolour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
