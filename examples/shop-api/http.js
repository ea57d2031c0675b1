// Small HTTP helpers: JSON responses, JSON request bodies, and the errors that
// map to 4xx responses.

import { ValidationError } from './validate.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** An error with an HTTP status and a machine-readable code. */
export class HttpError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function sendJson(res, status, payload) {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Maps an error to a JSON error response; unexpected errors are logged and become 500. */
export function sendError(res, error) {
  if (error instanceof ValidationError) {
    sendJson(res, 400, { error: 'invalid_request', message: 'the request has invalid fields', fields: error.fields });
  } else if (error instanceof HttpError) {
    const payload = { error: error.code, message: error.message };
    if (error.details !== undefined) payload.details = error.details;
    sendJson(res, error.status, payload);
  } else {
    console.error('shop-api: unexpected error', error);
    sendJson(res, 500, { error: 'internal_error', message: 'unexpected error' });
  }
}

function isJsonContentType(header) {
  if (header === undefined) return false;
  const mediaType = header.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** Reads and parses a JSON body; 415 when not JSON, 413 when too large, 400 when malformed. */
export function readJsonBody(req) {
  return new Promise(function readBody(resolve, reject) {
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      reject(new HttpError(415, 'unsupported_media_type', `content-type must be application/json (got ${JSON.stringify(req.headers['content-type'] ?? '')})`));
      return;
    }
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', function onData(chunk) {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new HttpError(413, 'payload_too_large', `request body must be at most ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', function onEnd() {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new HttpError(400, 'invalid_json', `request body is not valid JSON: ${error.message}`));
      }
    });
    req.on('error', function onError(error) {
      failed = true;
      reject(error);
    });
  });
}
