/**
 * The xlsx package as a zip (docs/xlsx.md): read entry by entry with yauzl (the central directory
 * is the authority, sizes are checked while inflating) and written entry by entry with yazl, so no
 * part is ever held whole unless it is one of the small XML parts the streaming path edits.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { RfmError } from '../../core';

/** Parts read whole into memory (workbook, relationships, styles …) may not exceed this. */
export const SMALL_PART_LIMIT = 64 * 1024 * 1024;
/** No part may inflate past this, whatever its compressed size (docs/xlsx.md "Limits"). */
export const PART_LIMIT = 4 * 1024 * 1024 * 1024;
/** Inflating past this many times the compressed size is a zip bomb, beyond a floor of RATIO_FLOOR. */
export const RATIO_LIMIT = 200;
export const RATIO_FLOOR = 256 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  raw: yauzl.Entry;
}

/** Largest number of bytes a part may inflate to before the read stops (zip-bomb guard). */
export function inflateLimit(entry: ZipEntry): number {
  return Math.min(PART_LIMIT, Math.max(RATIO_FLOOR, entry.compressedSize * RATIO_LIMIT));
}

function mb(bytes: number): string {
  return String(Math.round(bytes / 1024 / 1024));
}

export class ZipReader {
  private constructor(
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, ZipEntry>,
    /** Entry names in the package's own order. */
    readonly order: string[],
  ) {}

  /** Open a zip file, or (`data`) a package held in memory under the name `file`. */
  static async open(file: string, data?: Buffer): Promise<ZipReader> {
    const head = Buffer.alloc(8);
    if (data) data.copy(head, 0, 0, 8);
    else {
      const fh = await fs.open(file, 'r');
      try {
        await fh.read(head, 0, 8, 0);
      } finally {
        await fh.close();
      }
    }
    // An encrypted xlsx (or an old .xls) is an OLE compound file, not a zip.
    if (head.readUInt32BE(0) === 0xd0cf11e0) throw new RfmError('xlsx.oleFile', { file });
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
      const done = (err: Error | null, z?: yauzl.ZipFile) =>
        err || !z ? reject(new RfmError('xlsx.notZip', { file, detail: err?.message ?? '' })) : resolve(z);
      if (data) yauzl.fromBuffer(data, options, done);
      else yauzl.open(file, options, done);
    });
    const entries = new Map<string, ZipEntry>();
    const order: string[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        if (!e.fileName.endsWith('/')) {
          if (e.isEncrypted()) {
            reject(new RfmError('xlsx.oleFile', { file }));
            return;
          }
          entries.set(e.fileName, { name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, raw: e });
          order.push(e.fileName);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (err: Error) => reject(new RfmError('xlsx.notZip', { file, detail: err.message })));
      zip.readEntry();
    }).catch((err) => {
      zip.close();
      throw err;
    });
    return new ZipReader(file, zip, entries, order);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The inflated bytes of `name`, chunk by chunk. Stops with a clear error once more than `limit`
   * bytes came out (the declared size is not trusted: the count is taken while inflating).
   */
  async *chunks(name: string, limit?: number): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new RfmError('xlsx.missingPart', { file: this.file, part: name });
    const max = limit ?? inflateLimit(entry);
    if (entry.uncompressedSize > max) throw new RfmError('xlsx.partTooLarge', { file: this.file, part: name, limit: mb(max) });
    const stream = await new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry.raw, (err, s) =>
        err || !s ? reject(new RfmError('xlsx.notZip', { file: this.file, detail: `${name}: ${err?.message ?? ''}` })) : resolve(s),
      );
    });
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > max) throw new RfmError('xlsx.partTooLarge', { file: this.file, part: name, limit: mb(max) });
        yield chunk;
      }
    } catch (err) {
      if (err instanceof RfmError) throw err;
      throw new RfmError('xlsx.notZip', { file: this.file, detail: `${name}: ${(err as Error).message}` });
    } finally {
      stream.destroy();
    }
  }

  /** A small part read whole (at most SMALL_PART_LIMIT bytes). */
  async buffer(name: string, limit = SMALL_PART_LIMIT): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(name, limit)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  async text(name: string): Promise<string> {
    return (await this.buffer(name)).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}

/** One entry of the package being written: bytes, or chunks produced when the writer gets to it. */
export type OutEntry = { name: string; data: Buffer | string } | { name: string; chunks: () => AsyncIterable<Buffer | string> };

/** Add `entries` to `zip`; a part whose chunks fail calls `fail` (yazl does not listen on lazy streams). */
function addEntries(zip: yazl.ZipFile, entries: Iterable<OutEntry>, fail: (err: Error) => void): void {
  const mtime = new Date();
  for (const entry of entries) {
    if ('data' in entry) {
      zip.addBuffer(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data, entry.name, { mtime });
    } else {
      const source = entry.chunks;
      // Level 1: deflating a million-row sheet at the default level costs more than everything else.
      zip.addReadStreamLazy(entry.name, { mtime, compressionLevel: 1 }, (cb) => {
        const stream = Readable.from(
          (async function* () {
            for await (const c of source()) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
          })(),
          { objectMode: false },
        );
        // yazl does not listen for errors on a lazy stream: a failing part must still end the write.
        stream.on('error', fail);
        cb(null, stream);
      });
    }
  }
  zip.end();
}

/**
 * Write `entries` as a zip to `file`, one after the other (each entry's chunks are only pulled when
 * the writer reaches it, with back-pressure), and resolve once the file is closed.
 */
export async function writeZip(file: string, entries: Iterable<OutEntry>): Promise<void> {
  const zip = new yazl.ZipFile();
  const out = createWriteStream(file);
  let failed: Error | undefined;
  let fail: (err: Error) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    fail = (err: Error) => {
      if (failed) return;
      failed = err;
      out.destroy();
      reject(err);
    };
    zip.on('error', fail);
    zip.outputStream.on('error', fail);
    out.on('error', fail);
    out.on('close', () => (failed ? reject(failed) : resolve()));
  });
  addEntries(zip, entries, fail);
  zip.outputStream.pipe(out);
  await done;
}
