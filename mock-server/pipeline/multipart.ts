/**
 * `multipart/form-data` bodies, for the routes that take a file upload (`Route.multipart`). The
 * body is parsed with a maintained multipart parser, synchronously (the pipeline is), within the
 * same 1 MB limit as a JSON body: text fields by name, and the parts that are files. A body the
 * parser refuses, a repeated field or more than a handful of parts is a `400`.
 */
import {
  getMultipartBoundary,
  MultipartParseError,
  parseMultipart,
} from '@remix-run/multipart-parser';
import { MockApiError } from '../kernel/errors.ts';
import type { FormFile, MockRequest, MultipartForm } from './route.ts';
import { MAX_BODY_BYTES } from './validation.ts';

export type { FormFile, MultipartForm } from './route.ts';

/** The most parts a form may have: a file and a few fields. */
export const MAX_FORM_PARTS = 16;
/** The longest text field, in bytes. */
const MAX_FIELD_BYTES = 4_096;

/** Whether a request's body is `multipart/form-data`. */
export function isMultipart(request: MockRequest): boolean {
  return /^\s*multipart\/form-data\s*(;|$)/i.test(request.headers('content-type') ?? '');
}

/** The raw bytes of a request's body. */
export function bodyBytes(request: MockRequest): Uint8Array {
  return request.bytes ?? new TextEncoder().encode(request.body);
}

function malformed(why: string): MockApiError {
  return new MockApiError(
    'invalid_request',
    `The multipart/form-data body could not be read: ${why}. Send it with a multipart library (FormData in browsers and Node) and a boundary in Content-Type.`,
  );
}

/**
 * Parses a `multipart/form-data` body; throws a `400` when it is malformed. Parts named in
 * `fileNames` are files whatever their headers say (`curl -F 'file=<x.csv'` sends no file name).
 */
export function parseForm(request: MockRequest, fileNames: readonly string[]): MultipartForm {
  const boundary = getMultipartBoundary(request.headers('content-type') ?? '');
  if (boundary === null || boundary.length > 70) {
    throw malformed('Content-Type has no boundary (or one longer than 70 characters)');
  }
  const fields = new Map<string, string>();
  const files = new Map<string, FormFile>();
  const decoder = new TextDecoder();
  try {
    for (const part of parseMultipart(bodyBytes(request), {
      boundary,
      maxParts: MAX_FORM_PARTS,
      maxFileSize: MAX_BODY_BYTES,
      maxTotalSize: MAX_BODY_BYTES,
      maxHeaderSize: 8_192,
    })) {
      const name = part.name;
      if (name === undefined || name === '') throw malformed('a part has no name');
      if (fields.has(name) || files.has(name)) {
        throw new MockApiError('invalid_request', `${name} is sent more than once.`, {
          field: name,
        });
      }
      if (part.isFile || fileNames.includes(name)) {
        files.set(name, { filename: part.filename, mediaType: part.mediaType, bytes: part.bytes });
      } else {
        if (part.size > MAX_FIELD_BYTES) {
          throw new MockApiError(
            'invalid_request',
            `${name} is longer than ${MAX_FIELD_BYTES} bytes.`,
            { field: name },
          );
        }
        fields.set(name, decoder.decode(part.bytes));
      }
    }
  } catch (error) {
    if (error instanceof MockApiError) throw error;
    if (error instanceof MultipartParseError) throw malformed(error.message);
    throw malformed('it is not valid multipart/form-data');
  }
  return { fields, files };
}

/** What identifies a form for idempotency: its fields and files, not its (random) boundary. */
export function formFingerprint(form: MultipartForm): unknown {
  const decoder = new TextDecoder();
  return {
    fields: Object.fromEntries(form.fields),
    files: Object.fromEntries(
      [...form.files].map(([name, file]) => [
        name,
        { filename: file.filename ?? null, text: decoder.decode(file.bytes) },
      ]),
    ),
  };
}
