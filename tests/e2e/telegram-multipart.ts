/**
 * A tiny multipart/form-data reader for the emulator stubs: grammY uploads documents as
 * multipart, and telegram-test-api (express.json only) cannot read them.
 */

/** One form field: text, or a file with its name. */
export interface FormPart {
  name: string;
  fileName?: string;
  content: Buffer;
}

/** Splits a multipart body into its parts. */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    const end = body.indexOf(delimiter, from);
    if (end === -1) break;
    // Each part: CRLF, headers, blank line, content, CRLF before the next delimiter.
    const part = body.subarray(from + 2, end - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      // grammY writes `filename=nabo.ics` without quotes; browsers quote it. Both are read.
      const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1];
      const fileName = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
      if (name !== undefined) parts.push({ name, ...(fileName !== undefined ? { fileName } : {}), content: part.subarray(split + 4) });
    }
    start = end;
  }
  return parts;
}
