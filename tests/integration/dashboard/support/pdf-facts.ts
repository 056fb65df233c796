// Facts about a PDF without a PDF library: page objects and the document title, as a reader would
// find them in the file (Chromium writes page dictionaries and the info dictionary uncompressed).

function decodePdfString(raw: string): string {
  if (raw.startsWith("<")) {
    const hex = raw.slice(1, -1).replace(/\s+/g, "");
    const bytes = Buffer.from(hex, "hex");
    // UTF-16BE with a byte-order mark, else PDFDocEncoding (Latin-1 for our purposes).
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      const swapped = Buffer.from(bytes.subarray(2));
      swapped.swap16();
      return swapped.toString("utf16le");
    }
    return bytes.toString("latin1");
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, "$1");
}

export function pdfFacts(pdf: Buffer): { isPdf: boolean; pages: number; title: string | null } {
  const text = pdf.toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  // The document information dictionary's /Title (outline entries also have /Title; the info one comes with /Producer or /Creator nearby).
  const info = /<<[^>]*?\/Title\s*(<[0-9A-Fa-f\s]+>|\((?:\\.|[^\\)])*\))[^>]*?\/(?:Producer|Creator)/s.exec(text) ?? /\/(?:Producer|Creator)[^>]*?\/Title\s*(<[0-9A-Fa-f\s]+>|\((?:\\.|[^\\)])*\))/s.exec(text);
  return { isPdf: text.startsWith("%PDF-"), pages, title: info ? decodePdfString(info[1]) : null };
}
