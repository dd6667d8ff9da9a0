/**
 * Wrong files an officer might hand the checker, built byte by byte: a stored (uncompressed) zip writer for
 * .docx/.pptx/.xlsb look-alikes, and OLE compound-file look-alikes (old .xls, encrypted .xlsx). The OLE
 * ones carry only what a sniffer looks at: the magic number and the UTF-16LE stream names.
 */
import { crc32 } from "../../src/gateways/xlsx/patch/zip-writer";

/** A valid zip with every entry stored (method 0). */
export function storedZip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export function minimalDocx(): Buffer {
  return storedZip({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": "<Relationships/>",
    "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  });
}

export function minimalPptx(): Buffer {
  return storedZip({ "[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": "<p:presentation/>" });
}

export function minimalXlsb(): Buffer {
  return storedZip({ "[Content_Types].xml": CONTENT_TYPES, "xl/workbook.bin": Buffer.from([0x83, 0x01, 0x00]) });
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound-file look-alike: the 512-byte header, then a directory sector naming the streams. */
export function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  OLE_MAGIC.copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const directory = Buffer.alloc(512);
  ["Root Entry", ...streamNames].slice(0, 4).forEach((name, i) => {
    const bytes = Buffer.from(name, "utf16le");
    bytes.copy(directory, i * 128);
    directory.writeUInt16LE(bytes.length + 2, i * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}

/** What Office writes for an .xlsx with an open password. */
export function encryptedXlsx(): Buffer {
  return oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);
}

/** An Excel 97-2003 workbook's container. */
export function legacyXls(): Buffer {
  return oleFile(["Workbook", "\u0005SummaryInformation"]);
}

export function legacyDoc(): Buffer {
  return oleFile(["WordDocument", "1Table"]);
}
