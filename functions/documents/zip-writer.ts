/**
 * A ZIP archive written front to back (PKWARE's APPNOTE), each file stored as it is: PDFs,
 * images and Office files are compressed already. A file is added whole, so its CRC-32 is
 * known before its header and no data descriptor is needed. Names are UTF-8 (flag bit 11).
 * No ZIP64: the caller keeps an archive under ZIP_LIMITS.
 */
import { crc32 } from 'node:zlib';

export const ZIP_LIMITS = { entries: 65_535, bytes: 0xffff_ffff } as const;

const UTF8_NAMES = 0x0800;
const VERSION = 20;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** MS-DOS time and date, as ZIP keeps them (two-second steps, from 1980). */
function dosTime(at: Date) {
  const year = Math.max(at.getUTCFullYear(), 1980);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly write: (chunk: Buffer) => Promise<void>;

  /** `write` receives the archive's bytes in order. */
  constructor(write: (chunk: Buffer) => Promise<void>) {
    this.write = write;
  }

  private async emit(chunk: Buffer) {
    await this.write(chunk);
    this.offset += chunk.length;
  }

  /** Adds one file, whole. */
  async add(name: string, content: Uint8Array, modified: Date): Promise<void> {
    const entry = { name: Buffer.from(name, 'utf8'), crc: crc32(content), size: content.length, offset: this.offset, ...dosTime(modified) };
    if (this.entries.length >= ZIP_LIMITS.entries || this.offset + 30 + entry.name.length + entry.size > ZIP_LIMITS.bytes)
      throw new Error('The archive would need ZIP64: keep it under 65,535 files and 4 GiB.');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(entry.time, 10);
    header.writeUInt16LE(entry.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.size, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push(entry);
    await this.emit(Buffer.concat([header, entry.name]));
    await this.emit(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  }

  /** Writes the central directory and its end record; the archive's size. */
  async finish(): Promise<number> {
    const start = this.offset;
    const records = this.entries.map((e) => {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(UTF8_NAMES, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(e.time, 12);
      record.writeUInt16LE(e.date, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.size, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      // Extra field, comment, disk, internal and external attributes: none.
      record.writeUInt32LE(e.offset, 42);
      return Buffer.concat([record, e.name]);
    });
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(Buffer.concat([directory, end]));
    return this.offset;
  }
}
