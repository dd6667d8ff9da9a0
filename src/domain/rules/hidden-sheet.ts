/**
 * hidden-sheet: the 自评表 read is on a hidden sheet (no visible sheet holds one), or hidden sheets beside the visible
 * table hold a table too and were not read. Raised by the sheet search (../index.ts), at A1 of the sheet read, never
 * inside a hidden sheet (定位 cannot select a cell there).
 */
import { q, type Rule } from "./rule";

export const hiddenSheet: Rule = {
  id: "hidden-sheet",
  severity: "info",
  title: { "zh-CN": "隐藏的工作表", "en-US": "Hidden sheet" },
  // name: the sheet read; detail: the other hidden sheets with a table, quoted and joined with 、 (textEn: the same
  // joined with commas); no detail: the sheet read is itself hidden.
  message: (p) =>
    p.detail
      ? {
          "zh-CN": `隐藏的工作表${q(p.detail)}也含有绩效自评表，未予校验；校验的是可见的工作表“${q(p.name)}”。如应报送的是隐藏的表，请取消隐藏并删除或隐藏“${q(p.name)}”后重新校验`,
          "en-US": `The hidden sheet(s) ${q(p.textEn)} also hold a self-evaluation table and were not checked; the visible sheet "${q(p.name)}" was. If the hidden one is the table to submit, unhide it and remove or hide "${q(p.name)}", then check again`,
        }
      : {
          "zh-CN": `校验的工作表“${q(p.name)}”是隐藏的：工作簿中没有可见的绩效自评表。请确认这是要报送的表，并在报送前取消隐藏`,
          "en-US": `The sheet checked, "${q(p.name)}", is hidden: no visible sheet holds a self-evaluation table. Make sure it is the table to submit, and unhide it before submitting`,
        },
};
