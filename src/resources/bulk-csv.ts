/**
 * The body of `bulk.createFromCsv`: the platform's `FormData`, with the file as its `file` part
 * and the other parameters as text fields. A stream is read into memory first (at most 1 MB, the
 * API's limit), so that a retry can send the same bytes again.
 */
import { fail } from '../core/validate.ts';

/** What `bulk.createFromCsv` takes as the file. */
export type CsvFile = string | Blob | Uint8Array | ReadableStream<Uint8Array>;

/** The largest file the API takes (the whole request is at most 1 MB). */
export const MAX_CSV_BYTES = 1_048_576;

function tooLarge(size: number | string): never {
  return fail([
    {
      field: 'file',
      message: `must be at most 1 MB (${MAX_CSV_BYTES} bytes), got ${size}; split it into files of at most 1,000 rows, or use bulk.scoreAll`,
    },
  ]);
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Blob> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CSV_BYTES) {
      await reader.cancel();
      tooLarge('more');
    }
    chunks.push(value);
  }
  return new Blob(chunks, { type: 'text/csv' });
}

async function blobOf(file: CsvFile): Promise<Blob> {
  if (typeof file === 'string') return new Blob([file], { type: 'text/csv' });
  if (file instanceof Uint8Array) return new Blob([file], { type: 'text/csv' });
  if (typeof Blob !== 'undefined' && file instanceof Blob) return file;
  if (typeof ReadableStream !== 'undefined' && file instanceof ReadableStream) {
    return readStream(file);
  }
  return fail([
    { field: 'file', message: 'must be a string, a Blob, a Uint8Array or a ReadableStream' },
  ]);
}

/** The multipart form of a CSV upload. */
export async function csvForm(
  file: CsvFile,
  fields: {
    deferred?: boolean | undefined;
    webhook_url?: string | undefined;
    tag?: string | undefined;
  },
): Promise<FormData> {
  const blob = await blobOf(file);
  if (blob.size > MAX_CSV_BYTES) tooLarge(blob.size);
  const form = new FormData();
  const name = typeof File !== 'undefined' && blob instanceof File ? blob.name : 'upload.csv';
  form.append('file', blob, name || 'upload.csv');
  if (fields.deferred !== undefined) form.append('deferred', String(fields.deferred));
  if (fields.webhook_url !== undefined) form.append('webhook_url', fields.webhook_url);
  if (fields.tag !== undefined) form.append('tag', fields.tag);
  return form;
}
