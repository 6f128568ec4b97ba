// A small .xlsx writer for the tests (and scripts/make-xlsx-fixtures.mjs, through scripts/ts-hooks.mjs): an
// Office Open XML workbook as Excel writes one — a deflated zip of the workbook, its relationships, shared
// strings, a date style and one worksheet a sheet — with each kind of cell a test sheet can hold. read-excel-file
// (what promptfoo and promptgate read sheets with) ships no writer, so the cells are written here by hand.
import { deflateRawSync } from 'node:zlib';
import { columnLetters } from '../../src/config/xlsx.js';

/** A cell as written: text (a shared string), a number, a boolean, a date (a serial number in a date style), none. */
export type Cell =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; cached?: string }
  | { inline: string }
  | { error: string }
  | { rich: string[] };

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Sheet row number of `rows[0]` (1 unless the sheet starts lower). */
  firstRow?: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Excel's serial day number (1900 system, with its 29 February 1900): what a date cell stores. */
function serialDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function cellXml(ref: string, cell: Cell, strings: string[]): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    let index = strings.indexOf(cell);
    if (index < 0) index = strings.push(cell) - 1;
    return `<c r="${ref}" t="s"><v>${index}</v></c>`;
  }
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (cell instanceof Date) return `<c r="${ref}" s="1"><v>${serialDate(cell)}</v></c>`;
  if ('formula' in cell) {
    const cached = cell.cached === undefined ? '' : `<v>${escapeXml(cell.cached)}</v>`;
    return `<c r="${ref}" t="str"><f>${escapeXml(cell.formula)}</f>${cached}</c>`;
  }
  if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`;
  if ('error' in cell) return `<c r="${ref}" t="e"><v>${escapeXml(cell.error)}</v></c>`;
  // Rich text: runs of differently formatted text, one string.
  const runs = cell.rich.map(
    (run, i) => `<r>${i % 2 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${escapeXml(run)}</t></r>`,
  );
  return `<c r="${ref}" t="inlineStr"><is>${runs.join('')}</is></c>`;
}

function sheetXml(sheet: Sheet, strings: string[]): string {
  const first = sheet.firstRow ?? 1;
  const rows = sheet.rows.map((cells, r) => {
    const number = first + r;
    const xml = cells.map((cell, c) => cellXml(`${columnLetters(c)}${number}`, cell, strings)).join('');
    return `<row r="${number}">${xml}</row>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}

/** The workbook's files, by path inside the zip. */
function workbookFiles(sheets: Sheet[]): Array<[string, string]> {
  const strings: string[] = [];
  const sheetFiles = sheets.map((sheet, i): [string, string] => [
    `xl/worksheets/sheet${i + 1}.xml`,
    sheetXml(sheet, strings),
  ]);
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkgRels = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return [
    [
      '[Content_Types].xml',
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${xml}<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${xml}<workbook xmlns="${main}" xmlns:r="${rels}"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${xml}<Relationships xmlns="${pkgRels}">` +
        sheets
          .map(
            (_, i) => `<Relationship Id="rId${i + 1}" Type="${rels}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${rels}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    // Style 0: general; style 1: Excel's built-in short date (numFmtId 14).
    [
      'xl/styles.xml',
      `${xml}<styleSheet xmlns="${main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>` +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ],
    ...sheetFiles,
    [
      'xl/sharedStrings.xml',
      `${xml}<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">` +
        strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
        '</sst>',
    ],
  ];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated entries (what an .xlsx file is). */
function zip(files: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The bytes of an .xlsx workbook holding these sheets, in order. */
export function xlsxWorkbook(sheets: Sheet[]): Buffer {
  return zip(workbookFiles(sheets));
}
