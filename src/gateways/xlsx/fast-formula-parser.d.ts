/** The part of fast-formula-parser (which ships no types) that ./formulas.ts uses. */
declare module "fast-formula-parser" {
  interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  interface RangeRef {
    sheet?: string;
    from: CellRef;
    to: CellRef;
  }
  interface Config {
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
  }
  export default class FormulaParser {
    constructor(config?: Config);
    parse(formula: string, position: CellRef & { sheet: string }, allowReturnArray?: boolean): unknown;
  }
}
