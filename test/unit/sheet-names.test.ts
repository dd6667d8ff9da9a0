/** The one function that names every sheet the add-in adds, in both hosts. */
import {
  claimSheetName,
  MAX_SHEET_NAME,
  nameNewSheet,
  nameNewSheets,
  sameSheetName,
  validSheetName,
} from "../../src/domain/sheet-names";

describe("nameNewSheet", () => {
  it("takes the wanted name when it is free", () => {
    expect(nameNewSheet("校验结果", ["自评表"])).toEqual({ name: "校验结果", replace: false });
    expect(nameNewSheet("校验结果", [])).toEqual({ name: "校验结果", replace: false });
  });

  it("numbers the name when it is taken: (2), (3), …", () => {
    expect(nameNewSheet("校验结果", ["校验结果"])).toEqual({ name: "校验结果 (2)", replace: false });
    expect(nameNewSheet("校验结果", ["校验结果", "校验结果 (2)"])).toEqual({ name: "校验结果 (3)", replace: false });
  });

  it("compares names as Excel does, without regard to case", () => {
    expect(nameNewSheet("Findings", ["FINDINGS"])).toEqual({ name: "Findings (2)", replace: false });
    expect(nameNewSheet("Report", ["report", "REPORT (2)"])).toEqual({ name: "Report (3)", replace: false });
  });

  it("replaces a sheet of the add-in's own, under the spelling it has", () => {
    expect(nameNewSheet("自评报告", ["自评报告"], ["自评报告"])).toEqual({ name: "自评报告", replace: true });
    expect(nameNewSheet("Report", ["REPORT"], ["report"])).toEqual({ name: "REPORT", replace: true });
  });

  it("never replaces a sheet of the officer's: the next free or own name is used", () => {
    const names = ["自评报告", "自评报告 (2)", "自评报告 (3)"];
    expect(nameNewSheet("自评报告", names)).toEqual({ name: "自评报告 (4)", replace: false });
    expect(nameNewSheet("自评报告", names, ["自评报告 (3)"])).toEqual({ name: "自评报告 (3)", replace: true });
    // A name in `ours` that no sheet has any more is simply free.
    expect(nameNewSheet("自评报告", ["自评报告"], ["自评报告 (2)"])).toEqual({ name: "自评报告 (2)", replace: false });
  });

  it("turns the characters Excel forbids into _ and drops apostrophes at either end", () => {
    expect(nameNewSheet("a/b:c?", [])).toEqual({ name: "a_b_c_", replace: false });
    expect(validSheetName("[2023]*年\\报告")).toBe("_2023__年_报告");
    expect(validSheetName("'自评报告'")).toBe("自评报告");
    expect(validSheetName("  校验结果  ")).toBe("校验结果");
    expect(validSheetName("O'Brien")).toBe("O'Brien");
  });

  it("gives a name made only of forbidden characters a valid one", () => {
    expect(validSheetName("[]:*?/\\")).toBe("_______");
    expect(validSheetName("'''")).toBe("Ziping");
    expect(validSheetName("")).toBe("Ziping");
    expect(nameNewSheet("' '", ["ziping"])).toEqual({ name: "Ziping (2)", replace: false });
  });

  it("keeps to 31 characters, the suffix still fitting", () => {
    const long = "x".repeat(40);
    expect(nameNewSheet(long, [])).toEqual({ name: "x".repeat(MAX_SHEET_NAME), replace: false });
    expect(nameNewSheet(long, ["x".repeat(31)])).toEqual({ name: `${"x".repeat(27)} (2)`, replace: false });
    const ten = ["x".repeat(31), ...Array.from({ length: 8 }, (_, i) => `${"x".repeat(27)} (${i + 2})`)];
    expect(nameNewSheet(long, ten).name).toBe(`${"x".repeat(26)} (10)`);
    const cjk = "项目支出绩效自评表".repeat(4);
    const named = nameNewSheet(cjk, [cjk.slice(0, 31)]).name;
    expect(named).toBe(`${cjk.slice(0, 27)} (2)`);
    expect(named.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  it("never cuts a character in two", () => {
    const emoji = `${"x".repeat(30)}😀`;
    expect(validSheetName(emoji)).toBe("x".repeat(30));
    // A pair that fits whole is kept: 29 x and 😀 are 31 units.
    expect(validSheetName(`${"x".repeat(29)}😀`)).toBe(`${"x".repeat(29)}😀`);
    // A pair before the cut is kept too; only the one the cut would split goes.
    expect(validSheetName(`😀${"x".repeat(29)}😀`)).toBe(`😀${"x".repeat(29)}`);
    expect(validSheetName("x".repeat(31))).toBe("x".repeat(31));
  });

  it("drops every apostrophe and space at either end, not only the first", () => {
    expect(validSheetName("'' 自评报告 ''")).toBe("自评报告");
    expect(validSheetName(" ' 自评报告")).toBe("自评报告");
  });

  it("trims a name cut before its suffix, so no space is left before (2)", () => {
    // 27 characters ending in a space at the cut: "…x " + " (2)" would hold two spaces.
    const spaced = `${"x".repeat(26)} yyyyyyyy`;
    expect(nameNewSheet(spaced, [spaced.slice(0, 31)]).name).toBe(`${"x".repeat(26)} (2)`);
  });

  it("never takes History, which Excel keeps for itself", () => {
    expect(nameNewSheet("History", [])).toEqual({ name: "History (2)", replace: false });
  });

  it("claims only the wanted name for a sheet there is one of", () => {
    expect(claimSheetName("报告素材", ["自评表"])).toEqual({ name: "报告素材", replace: false });
    expect(claimSheetName("报告素材", ["报告素材"])).toBeNull();
    expect(claimSheetName("报告素材", ["报告素材"], ["报告素材"])).toEqual({
      name: "报告素材",
      replace: true,
    });
  });
});

describe("sameSheetName", () => {
  it("compares as Excel does, without regard to case", () => {
    expect(sameSheetName("Ziping", "ZIPING")).toBe(true);
    expect(sameSheetName("校验结果", "校验结果")).toBe(true);
    expect(sameSheetName("校验结果", "校验结果 (2)")).toBe(false);
  });
});

describe("nameNewSheets", () => {
  it("names sheets written together one after another, replacing an own sheet once", () => {
    expect(nameNewSheets([{ name: "自评报告" }, { name: "自评报告" }], ["自评报告"], ["自评报告"])).toEqual([
      { name: "自评报告", replace: true },
      { name: "自评报告 (2)", replace: false },
    ]);
    expect(
      nameNewSheets([{ name: "校验结果" }, { name: "报告素材", numbered: false }], ["校验结果", "报告素材"]),
    ).toEqual([{ name: "校验结果 (2)", replace: false }, null]);
  });

  it("never replaces even the add-in's own sheet for a sheet that becomes the officer's", () => {
    expect(nameNewSheets([{ name: "绩效自评表", replaces: false }], ["绩效自评表"], ["绩效自评表"])).toEqual([
      { name: "绩效自评表 (2)", replace: false },
    ]);
    expect(nameNewSheets([{ name: "报告素材", numbered: false, replaces: false }], ["报告素材"], ["报告素材"])).toEqual(
      [null],
    );
  });

  it("takes the default of no own sheets, and replaces none then", () => {
    expect(nameNewSheets([{ name: "校验结果" }], ["校验结果"])).toEqual([{ name: "校验结果 (2)", replace: false }]);
  });

  it("lets a later sheet replace an own sheet the earlier one did not take", () => {
    // Two own sheets: the first wanted name replaces 自评报告, the second replaces 校验结果.
    expect(
      nameNewSheets([{ name: "自评报告" }, { name: "校验结果" }], ["自评报告", "校验结果"], ["自评报告", "校验结果"]),
    ).toEqual([
      { name: "自评报告", replace: true },
      { name: "校验结果", replace: true },
    ]);
  });
});
