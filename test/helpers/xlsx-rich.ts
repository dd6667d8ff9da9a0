/**
 * A workbook holding more than a 自评表: a second sheet 数据 with an image, a bar chart, a list validation and print
 * settings, a validation on the 自评表 too, a workbook-scoped and a sheet-scoped name, and a custom XML part. For
 * the test that a scored copy loses none of it. exceljs writes what it can; the rest (the chart, the sheet-scoped
 * name, the custom part) is added to its zip with fflate, as Excel itself would have written it.
 */
import { strFromU8, strToU8, unzipSync, zipSync, zlibSync } from "fflate";
import ExcelJS from "exceljs";
import { centralRows, type TableSpec } from "./tables";

export const TABLE_SHEET = "自评表";
export const DATA_SHEET = "数据";

/**
 * The 自评表 as an officer hands it in before scoring: the figures typed, the computed cells of the
 * quantitative indicators, 执行率, 执行得分 and 总分 left blank for Ziping to fill. The qualitative 服务覆盖面
 * keeps its typed 30 (a judgement, never computed).
 */
export const RICH_TABLE: TableSpec = {
  budget: [
    ["年度资金总额", 100, 100, 95, 10, null, null],
    ["其中：当年财政拨款", 100, 100, 95, null, null, null],
    ["上年结转资金", 0, 0, 0, null, null, null],
    ["其他资金", 0, 0, 0, null, null, null],
  ],
  indicators: [
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 25, null, ""],
    ["", "质量指标", "培训合格率", "≥95%", "96%", 25, null, ""],
    ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, null, ""],
  ],
  total: [100, null],
};

/** 数据!A1:A3, the numbers the chart draws and the workbook-scoped name covers. */
export const DATA_NUMBERS = [120, 80, 95] as const;

/** The list validation on 数据 (B1) and the one on the 自评表 (I11, the first indicator's 偏差原因, an input cell). */
export const DATA_VALIDATION = { sheet: DATA_SHEET, cell: "B1", formula: '"已核实,待核实"' } as const;
export const TABLE_VALIDATION = { sheet: TABLE_SHEET, cell: "I11", formula: '"无偏差,客观原因,主观原因"' } as const;

/** Defined names: scope null is the workbook; otherwise the sheet the name belongs to. */
export const DEFINED_NAMES = [
  { name: "预算数据", scope: null, ref: `'${DATA_SHEET}'!$A$1:$A$3` },
  { name: "本表总分", scope: TABLE_SHEET, ref: `'${TABLE_SHEET}'!$H$15` },
] as const;

/** 数据's print settings: landscape A4, these margins (inches), this print area. */
export const DATA_PRINT = {
  orientation: "landscape",
  paperSize: 9,
  margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  printArea: "A1:F20",
} as const;

export const CUSTOM_XML_PATH = "customXml/item1.xml";
export const CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<ziping:meta xmlns:ziping="urn:example:ziping-fixture"><ziping:submitted by="南沙区财政局">2024-03-01</ziping:submitted></ziping:meta>';
export const CUSTOM_XML_PROPS_PATH = "customXml/itemProps1.xml";
const CUSTOM_XML_PROPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<ds:datastoreItem ds:itemID="{6F1C2A4E-3B5D-4C7E-9A1B-2D3E4F5A6B7C}" ' +
  'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>';

export const CHART_PATH = "xl/charts/chart1.xml";
/** What the chart draws, as its series formula says it. */
export const CHART_SERIES_REF = `'${DATA_SHEET}'!$A$1:$A$3`;

const FIXED_DATE = new Date(Date.UTC(2024, 2, 1));
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CHART_REL_TYPE = `${REL}/chart`;
export const DRAWING_REL_TYPE = `${REL}/drawing`;
export const IMAGE_REL_TYPE = `${REL}/image`;
export const CUSTOM_XML_REL_TYPE = `${REL}/customXml`;
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CUSTOM_XML_PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

// ── A 2×2 PNG, built here so the fixture carries no binary file ─────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 RGB PNG: red, green / blue, white. */
export function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0); // width
  ihdr.writeUInt32BE(2, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  // Each scanline starts with filter type 0 (none).
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlibSync(pixels)),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

// ── The parts exceljs cannot write ───────────────────────────────────────────────────────────────────────────

function chartXml(): string {
  const points = DATA_NUMBERS.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="${REL}">` +
    '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:val><c:numRef><c:f>${CHART_SERIES_REF}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${DATA_NUMBERS.length}"/>${points}</c:numCache></c:numRef></c:val></c:ser>` +
    '<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="b"/><c:crossAx val="50010002"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="l"/><c:crossAx val="50010001"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}

/** The chart's frame on the drawing, cells D9:J24 of 数据 (0-based columns and rows). */
function chartAnchor(relId: string): string {
  const at = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor><xdr:from>${at(3, 8)}</xdr:from><xdr:to>${at(10, 24)}</xdr:to>` +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="100" name="图表 1"/><xdr:cNvGraphicFramePr/>' +
    '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, as a zip entry name. */
  target: string;
}

/** The relationships of `part` (from its _rels/NAME.rels), each target resolved to a zip entry name. */
export function relationships(entries: Record<string, Uint8Array>, part: string): Relationship[] {
  const folder = part.includes("/") ? part.slice(0, part.lastIndexOf("/")) : "";
  const relsPath = `${folder ? `${folder}/` : ""}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
  const rels = entries[relsPath] ? strFromU8(entries[relsPath]) : "";
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
    const target = attr("Target");
    const parts = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
    for (const step of target.replace(/^\//, "").split("/")) {
      if (step === "..") parts.pop();
      else if (step !== ".") parts.push(step);
    }
    return { id: attr("Id"), type: attr("Type"), target: parts.join("/") };
  });
}

/** The worksheet part of the sheet named `name`, from workbook.xml and its relationships. */
export function sheetPartOf(entries: Record<string, Uint8Array>, name: string): string {
  const workbook = strFromU8(entries["xl/workbook.xml"]);
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${name}"`));
  const id = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
  const rel = relationships(entries, "xl/workbook.xml").find((r) => r.id === id);
  if (!rel) throw new Error(`xlsx-rich: no sheet ${name}`);
  return rel.target;
}

function nextRelId(rels: string): string {
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  return `rId${Math.max(0, ...ids) + 1}`;
}

function addRelationship(rels: string, id: string, type: string, target: string): string {
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

/** Adds the chart to 数据's drawing, the sheet-scoped name, and the custom XML part, to exceljs's zip. */
function addWhatExcelJsCannot(xlsx: Uint8Array): Uint8Array {
  // exceljs's zip has an entry for each folder, which Office never writes; the package keeps only its parts.
  const entries = Object.fromEntries(Object.entries(unzipSync(xlsx)).filter(([name]) => !name.endsWith("/")));
  const text = (p: string) => strFromU8(entries[p]);
  const put = (p: string, s: string) => (entries[p] = strToU8(s));

  // The chart, on the drawing that already holds the image.
  const drawing = relationships(entries, sheetPartOf(entries, DATA_SHEET)).find(
    (r) => r.type === DRAWING_REL_TYPE,
  )?.target;
  if (!drawing) throw new Error("xlsx-rich: exceljs wrote no drawing for the image");
  const drawingRelsPath = drawing.replace(/([^/]+)$/, "_rels/$1.rels");
  const drawingRels = text(drawingRelsPath);
  const chartRel = nextRelId(drawingRels);
  put(drawingRelsPath, addRelationship(drawingRels, chartRel, CHART_REL_TYPE, "../charts/chart1.xml"));
  // exceljs declares r: on each picture's blip, not on the root; the frame needs it in scope.
  let drawingXml = text(drawing);
  for (const [prefix, ns] of [
    ["a", "http://schemas.openxmlformats.org/drawingml/2006/main"],
    ["r", REL],
  ])
    if (!/<xdr:wsDr\b[^>]*>/.exec(drawingXml)![0].includes(`xmlns:${prefix}=`))
      drawingXml = drawingXml.replace("<xdr:wsDr ", `<xdr:wsDr xmlns:${prefix}="${ns}" `);
  put(drawing, drawingXml.replace("</xdr:wsDr>", `${chartAnchor(chartRel)}</xdr:wsDr>`));
  put(CHART_PATH, chartXml());

  // The custom XML part, related from the workbook as Office relates it.
  put(CUSTOM_XML_PATH, CUSTOM_XML);
  put(CUSTOM_XML_PROPS_PATH, CUSTOM_XML_PROPS);
  put(
    "customXml/_rels/item1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  const workbookRels = text("xl/_rels/workbook.xml.rels");
  put(
    "xl/_rels/workbook.xml.rels",
    addRelationship(workbookRels, nextRelId(workbookRels), CUSTOM_XML_REL_TYPE, "../customXml/item1.xml"),
  );

  // The sheet-scoped name: exceljs writes only workbook-scoped names (and print areas).
  const workbook = text("xl/workbook.xml");
  const sheetNames = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const scoped = DEFINED_NAMES.filter((n) => n.scope !== null)
    .map((n) => `<definedName name="${n.name}" localSheetId="${sheetNames.indexOf(n.scope!)}">${n.ref}</definedName>`)
    .join("");
  put(
    "xl/workbook.xml",
    workbook.includes("</definedNames>")
      ? workbook.replace("</definedNames>", `${scoped}</definedNames>`)
      : workbook.replace("</sheets>", `</sheets><definedNames>${scoped}</definedNames>`),
  );

  let types = text("[Content_Types].xml");
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  if (!/<Default Extension="xml"/.test(types))
    types = types.replace("<Override ", '<Default Extension="xml" ContentType="application/xml"/><Override ');
  put(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      override(CHART_PATH, CHART_CONTENT_TYPE) +
        override(CUSTOM_XML_PROPS_PATH, CUSTOM_XML_PROPS_CONTENT_TYPE) +
        "</Types>",
    ),
  );
  return zipSync(entries, { level: 6, mtime: FIXED_DATE });
}

/** The rich workbook's bytes (see the module comment). */
export async function richWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // The same bytes on every build: exceljs stamps docProps/core.xml with the time unless told.
  wb.created = wb.modified = FIXED_DATE;
  const table = wb.addWorksheet(TABLE_SHEET);
  centralRows(RICH_TABLE).forEach((row, r) =>
    row.forEach((v, c) => {
      const value = v !== null && typeof v === "object" && !(v instanceof Date) && "value" in v ? v.value : v;
      if (value !== null && value !== undefined) table.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }),
  );
  table.getCell(TABLE_VALIDATION.cell).dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [TABLE_VALIDATION.formula],
  };

  const data = wb.addWorksheet(DATA_SHEET);
  DATA_NUMBERS.forEach((n, i) => (data.getCell(`A${i + 1}`).value = n));
  data.getCell(DATA_VALIDATION.cell).value = "已核实";
  data.getCell(DATA_VALIDATION.cell).dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [DATA_VALIDATION.formula],
  };
  data.pageSetup = { ...DATA_PRINT, margins: { ...DATA_PRINT.margins } };
  const image = wb.addImage({ buffer: tinyPng() as unknown as ExcelJS.Buffer, extension: "png" });
  data.addImage(image, "D2:F6");

  for (const n of DEFINED_NAMES) if (n.scope === null) wb.definedNames.add(n.ref, n.name);

  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  return Buffer.from(addWhatExcelJsCannot(written));
}
