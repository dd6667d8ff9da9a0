/**
 * ISO dates in cells (`<c t="d"><v>2024-01-15T00:00:00</v></c>`, which Excel writes in strict OOXML and some
 * generators always write) are read by exceljs 4.4 as numbers: it has no case for t="d" and parseFloat turns
 * "2024-01-15" into 2024. The engine then read a 2024 where the officer typed a date, and the scored copy, which
 * exceljs writes, replaced the date with 2024. This teaches exceljs's cell parser that one case, so that such a cell
 * is a Date when read (and is written back as a date serial with a date format); everything else goes through
 * exceljs's own code. It is the smallest change that keeps dates dates until the reader of issue 11 replaces exceljs
 * on the check path; the scored copy still needs it after that.
 */
/* global require -- Node code: the shared lint config assumes a browser. */
import { parseIsoDate } from "./reader/values";

export { parseIsoDate };

interface CellModel {
  type?: number;
  value?: unknown;
  result?: unknown;
  formula?: string;
  shareType?: string;
}
interface CellXformLike {
  t?: string;
  model: CellModel;
  parseClose(name: string): boolean;
}

let installed = false;

/** Installs the t="d" case into exceljs's cell parser, once per process. */
export function installIsoDateCells(): void {
  if (installed) return;
  installed = true;
  const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform") as { prototype: CellXformLike };
  const { ValueType } = require("exceljs/lib/doc/enums") as { ValueType: { Date: number } };
  const parseClose = CellXform.prototype.parseClose;
  CellXform.prototype.parseClose = function (this: CellXformLike, name: string): boolean {
    if (name !== "c" || this.t !== "d") return parseClose.call(this, name);
    const model = this.model;
    const text = typeof model.value === "string" ? model.value : undefined;
    const result = parseClose.call(this, name);
    const date = text === undefined ? null : parseIsoDate(text);
    if (date) {
      if (model.formula || model.shareType) model.result = date;
      else {
        model.type = ValueType.Date;
        model.value = date;
      }
    }
    return result;
  };
}
