/**
 * Rule profiles and their settings (DOMAIN.md §3): the defaults each profile documents, the grade bands, and how
 * `--set name=value` is read. Expected values come from DOMAIN.md's scoring table, not from the code.
 */
import {
  EXECUTION_CAPS,
  PROFILES,
  PROFILE_IDS,
  SETTINGS,
  gradeFor,
  isProfileId,
  profileForLayout,
  profileLabel,
  profileTitle,
  withSettings,
  type Profile,
} from "../../src/domain/profile";

const central = PROFILES["central-2020"];

/** The profile after one setting, failing the test when the setting is refused. */
function set(name: string, value: string, base: Profile = central): Profile {
  const { profile, errors } = withSettings(base, { [name]: value });
  expect(errors).toEqual([]);
  return profile;
}

function refused(name: string, value: string): string[] {
  return withSettings(central, { [name]: value }).errors;
}

describe("the three profiles", () => {
  it("central-2020 holds the central rules: 10 for execution, 50/30/10 blocks, tiers 80/60, tolerances", () => {
    expect(central.execWeight).toBe(10);
    expect(central.totalWeight).toBe(100);
    expect(central.blockWeights).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    expect(central.enforceBlockWeights).toBe(false);
    expect(central.bareTargetDirection).toEqual({ default: "≥", cost: "≤" });
    expect(central.lessIsBetterRule).toBe("ratio");
    expect(central.equalRule).toBe("ratio");
    expect(central.tiers).toEqual({
      top: { min: 0.8, max: 1 },
      middle: { min: 0.6, max: 0.8 },
      bottom: { min: 0, max: 0.6 },
    });
    expect(central.overCompletionRatio).toBe(1.2);
    expect(central.tolerance).toEqual({ amount: 0.01, ratePoints: 0.01, score: 0.1 });
  });

  it("central-2020 leaves every optional rule of the manuals off", () => {
    expect(central.deviationPenalty).toBeNull();
    expect(central.execReasonThreshold).toBeNull();
    expect(central.scoreCapByExecution).toBeNull();
    expect(central.scoreAheadOfExecution).toBeNull();
    expect(central.integerScores).toBe(false);
    expect(central.rescaleNotApplicable).toBe(false);
    expect(central.adjustmentNeedsReason).toBe(true);
    expect(central.modifiers).toBeUndefined();
  });

  it("sichuan differs from central only by the reason required below 90% execution", () => {
    const { id, name, execReasonThreshold, ...rest } = PROFILES.sichuan;
    expect(id).toBe("sichuan");
    expect(execReasonThreshold).toBe(0.9);
    expect(name["zh-CN"]).toMatch(/四川/);
    const { id: _id, name: _name, execReasonThreshold: _t, ...centralRest } = central;
    expect(rest).toEqual(centralRest);
  });

  it("city-20-80 scores execution out of 20, checks no block weights and uses tiers 80/50", () => {
    const city = PROFILES["city-20-80"];
    expect(city.id).toBe("city-20-80");
    expect(city.execWeight).toBe(20);
    expect(city.blockWeights).toEqual({});
    expect(city.tiers).toEqual({
      top: { min: 0.8, max: 1 },
      middle: { min: 0.5, max: 0.8 },
      bottom: { min: 0, max: 0.5 },
    });
    expect(city.totalWeight).toBe(100);
  });

  it("each profile is filed under its own id, and only those ids are profiles", () => {
    expect(PROFILE_IDS).toEqual(["central-2020", "sichuan", "city-20-80"]);
    for (const id of PROFILE_IDS) expect(PROFILES[id].id).toBe(id);
    expect(isProfileId("sichuan")).toBe(true);
    expect(isProfileId("central")).toBe(false);
    // An inherited property of every object is not a profile.
    expect(isProfileId("toString")).toBe(false);
  });

  it("a detected layout implies its profile; central and 部门整体 layouts use the central rules", () => {
    expect(profileForLayout("sichuan")).toBe("sichuan");
    expect(profileForLayout("city-20-80")).toBe("city-20-80");
    expect(profileForLayout("central")).toBe("central-2020");
    expect(profileForLayout("department")).toBe("central-2020");
    expect(profileForLayout(undefined)).toBe("central-2020");
  });
});

describe("等级 by total (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60)", () => {
  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
    [-5, "差"],
  ])("%p points is %s", (total, grade) => {
    expect(gradeFor(total, central)).toBe(grade);
  });
});

describe("profile labels shown with every figure", () => {
  it("a profile without settings is named by its id", () => {
    expect(profileLabel(central)).toBe("central-2020");
    expect(profileLabel({ ...central, modifiers: [] })).toBe("central-2020");
  });

  it("settings follow the id in full-width brackets, separated by a full-width comma", () => {
    const { profile } = withSettings(central, { integerScores: "on", tiers: "80/50" });
    expect(profileLabel(profile)).toBe("central-2020（integerScores=on，tiers=80/50）");
  });
});

describe("settings (--set name=value)", () => {
  it.each(["on", "true", "yes", "1", "是", "ON", "True"])("integerScores=%s turns integer rounding on", (v) => {
    expect(set("integerScores", v).integerScores).toBe(true);
  });

  it.each(["off", "false", "no", "0", "否", "OFF"])("integerScores=%s turns it off", (v) => {
    expect(set("integerScores", v, { ...central, integerScores: true }).integerScores).toBe(false);
  });

  it("a yes/no setting refuses anything else, including words that only contain on or off", () => {
    expect(refused("integerScores", "maybe")).toEqual(["integerScores=maybe"]);
    expect(refused("integerScores", "only")).toEqual(["integerScores=only"]);
    expect(refused("integerScores", "offline")).toEqual(["integerScores=offline"]);
    expect(refused("integerScores", "noon")).toEqual(["integerScores=noon"]);
    expect(refused("integerScores", "kickoff")).toEqual(["integerScores=kickoff"]);
    expect(refused("rescaleNotApplicable", "2")).toEqual(["rescaleNotApplicable=2"]);
  });

  it("names each profile as a reviewer does, in Chinese, never by its id", () => {
    expect(PROFILE_IDS.map((id) => PROFILES[id].name["zh-CN"])).toEqual(
      PROFILE_IDS.map(
        (id) =>
          ({
            "central-2020": "中央（财预〔2020〕10号）",
            sichuan: "四川",
            "city-20-80": "市级 20/80（执行率20分、指标80分）",
          })[id as string],
      ),
    );
    for (const id of PROFILE_IDS) expect(profileTitle(PROFILES[id])["zh-CN"]).not.toContain(id);
  });

  it("profileTitle names every setting in words in both languages, values included", () => {
    const { profile } = withSettings(central, {
      integerScores: "on",
      tiers: "80/50",
      execReasonThreshold: "off",
      lessIsBetterRule: "linear",
      equalRule: "all-or-nothing",
    });
    expect(profileTitle(profile)).toEqual({
      "zh-CN":
        "中央（财预〔2020〕10号）（另设 得分取整：开启，定性指标档次：80/50，执行率须说明原因的下限：关闭，反向指标计分：线性，等于指标计分：未达即不得分）",
      "en-US":
        "Central (Cai Yu [2020] No. 10) (with whole-point scores: on, qualitative tiers: 80/50, execution needing a reason below: off, ≤ indicators scored: linear, = indicators scored: all or nothing)",
    });
    for (const name of Object.keys(SETTINGS)) expect(SETTINGS[name].label["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("adjustmentNeedsReason is on in every profile, and off or on as set", () => {
    for (const id of PROFILE_IDS) expect(PROFILES[id].adjustmentNeedsReason).toBe(true);
    expect(set("adjustmentNeedsReason", "off").adjustmentNeedsReason).toBe(false);
    expect(set("adjustmentNeedsReason", "否").adjustmentNeedsReason).toBe(false);
    expect(set("adjustmentNeedsReason", "on", { ...central, adjustmentNeedsReason: false }).adjustmentNeedsReason).toBe(
      true,
    );
    expect(refused("adjustmentNeedsReason", "sometimes")).toEqual(["adjustmentNeedsReason=sometimes"]);
  });

  it("rescaleNotApplicable and enforceBlockWeights are yes/no settings of their own field", () => {
    const p = set("rescaleNotApplicable", "on");
    expect(p.rescaleNotApplicable).toBe(true);
    expect(p.enforceBlockWeights).toBe(false);
    const q = set("enforceBlockWeights", "yes");
    expect(q.enforceBlockWeights).toBe(true);
    expect(q.rescaleNotApplicable).toBe(false);
  });

  it.each([
    ["90%", 0.9],
    ["90", 0.9],
    ["0.9", 0.9],
    ["1", 1],
    ["0.5%", 0.005],
    ["0", 0],
  ])("execReasonThreshold=%s is a share of %p (a percentage, or a fraction up to 1)", (v, share) => {
    expect(set("execReasonThreshold", v).execReasonThreshold).toBeCloseTo(share, 12);
  });

  it("execReasonThreshold=off removes the threshold; a negative or unreadable share is refused", () => {
    expect(set("execReasonThreshold", "off", PROFILES.sichuan).execReasonThreshold).toBeNull();
    expect(set("execReasonThreshold", "OFF", PROFILES.sichuan).execReasonThreshold).toBeNull();
    expect(refused("execReasonThreshold", "-10%")).toEqual(["execReasonThreshold=-10%"]);
    expect(refused("execReasonThreshold", "九成")).toEqual(["execReasonThreshold=九成"]);
    expect(refused("execReasonThreshold", "Infinity")).toEqual(["execReasonThreshold=Infinity"]);
    expect(refused("execReasonThreshold", "offish")).toEqual(["execReasonThreshold=offish"]);
    expect(refused("execReasonThreshold", "kickoff")).toEqual(["execReasonThreshold=kickoff"]);
    // Only a trailing % makes a percentage.
    expect(refused("execReasonThreshold", "%90")).toEqual(["execReasonThreshold=%90"]);
  });

  it("scoreAheadOfExecution reads a share the same way, or off", () => {
    expect(set("scoreAheadOfExecution", "5%").scoreAheadOfExecution).toBeCloseTo(0.05, 12);
    expect(set("scoreAheadOfExecution", "5").scoreAheadOfExecution).toBeCloseTo(0.05, 12);
    expect(set("scoreAheadOfExecution", "0.05").scoreAheadOfExecution).toBeCloseTo(0.05, 12);
    expect(
      set("scoreAheadOfExecution", "off", { ...central, scoreAheadOfExecution: 0.05 }).scoreAheadOfExecution,
    ).toBeNull();
    expect(
      set("scoreAheadOfExecution", "Off", { ...central, scoreAheadOfExecution: 0.05 }).scoreAheadOfExecution,
    ).toBeNull();
    expect(refused("scoreAheadOfExecution", "five")).toEqual(["scoreAheadOfExecution=five"]);
    expect(refused("scoreAheadOfExecution", "-1")).toEqual(["scoreAheadOfExecution=-1"]);
    expect(refused("scoreAheadOfExecution", "not off")).toEqual(["scoreAheadOfExecution=not off"]);
    expect(refused("scoreAheadOfExecution", "offish")).toEqual(["scoreAheadOfExecution=offish"]);
  });

  it("scoreCapByExecution=on applies the manual's caps: below 50% 59, 50–60% 69, 60–70% 79, 70–80% 89", () => {
    expect(EXECUTION_CAPS).toEqual([
      { below: 0.5, cap: 59 },
      { below: 0.6, cap: 69 },
      { below: 0.7, cap: 79 },
      { below: 0.8, cap: 89 },
    ]);
    expect(set("scoreCapByExecution", "on").scoreCapByExecution).toEqual(EXECUTION_CAPS);
    expect(set("scoreCapByExecution", "off", set("scoreCapByExecution", "on")).scoreCapByExecution).toBeNull();
    expect(refused("scoreCapByExecution", "89")).toEqual(["scoreCapByExecution=89"]);
  });

  it("deviationPenalty=on costs 2 points at 130% of the target; off removes it", () => {
    expect(set("deviationPenalty", "on").deviationPenalty).toEqual({ ratio: 1.3, points: 2 });
    expect(set("deviationPenalty", "off", set("deviationPenalty", "on")).deviationPenalty).toBeNull();
    expect(refused("deviationPenalty", "2")).toEqual(["deviationPenalty=2"]);
  });

  it("lessIsBetterRule and equalRule accept exactly their two rule names", () => {
    expect(set("lessIsBetterRule", "linear").lessIsBetterRule).toBe("linear");
    expect(set("lessIsBetterRule", "ratio", set("lessIsBetterRule", "linear")).lessIsBetterRule).toBe("ratio");
    expect(refused("lessIsBetterRule", "Linear")).toEqual(["lessIsBetterRule=Linear"]);
    expect(set("equalRule", "all-or-nothing").equalRule).toBe("all-or-nothing");
    expect(set("equalRule", "ratio", set("equalRule", "all-or-nothing")).equalRule).toBe("ratio");
    expect(refused("equalRule", "linear")).toEqual(["equalRule=linear"]);
  });

  it("overCompletionRatio must be a ratio above 1", () => {
    expect(set("overCompletionRatio", "1.5").overCompletionRatio).toBe(1.5);
    expect(refused("overCompletionRatio", "1")).toEqual(["overCompletionRatio=1"]);
    expect(refused("overCompletionRatio", "0.8")).toEqual(["overCompletionRatio=0.8"]);
    expect(refused("overCompletionRatio", "high")).toEqual(["overCompletionRatio=high"]);
  });

  it("tiers=80/50 makes the top tier [80%, 100%], the middle [50%, 80%) and the bottom [0, 50%)", () => {
    expect(set("tiers", "80/50").tiers).toEqual({
      top: { min: 0.8, max: 1 },
      middle: { min: 0.5, max: 0.8 },
      bottom: { min: 0, max: 0.5 },
    });
    expect(set("tiers", "100/60").tiers.top).toEqual({ min: 1, max: 1 });
  });

  it("tiers are refused unless the top bound is above the middle one and at most 100", () => {
    expect(refused("tiers", "60/80")).toEqual(["tiers=60/80"]);
    expect(refused("tiers", "80/80")).toEqual(["tiers=80/80"]);
    expect(refused("tiers", "120/60")).toEqual(["tiers=120/60"]);
    expect(refused("tiers", "80-50")).toEqual(["tiers=80-50"]);
    expect(refused("tiers", "80/50/20")).toEqual(["tiers=80/50/20"]);
    expect(refused("tiers", "x80/50")).toEqual(["tiers=x80/50"]);
  });

  it("every setting has help in both languages", () => {
    for (const [name, s] of Object.entries(SETTINGS)) {
      expect([name, s.help["zh-CN"].length > 0, s.help["en-US"].length > 0]).toEqual([name, true, true]);
    }
  });
});

describe("withSettings", () => {
  it("applies settings in order on top of the base, records each with its value trimmed, and leaves the base alone", () => {
    const { profile, errors } = withSettings(central, { integerScores: " on ", lessIsBetterRule: "linear" });
    expect(errors).toEqual([]);
    expect(profile.integerScores).toBe(true);
    expect(profile.lessIsBetterRule).toBe("linear");
    expect(profile.modifiers).toEqual(["integerScores=on", "lessIsBetterRule=linear"]);
    expect(profile.id).toBe("central-2020");
    expect(central.integerScores).toBe(false);
    expect(central.modifiers).toBeUndefined();
  });

  it("adds to the settings a profile already carries", () => {
    const first = set("integerScores", "on");
    expect(set("tiers", "80/50", first).modifiers).toEqual(["integerScores=on", "tiers=80/50"]);
  });

  it("reports an unknown name or an unreadable value as name=value as typed, and still applies the others", () => {
    const { profile, errors } = withSettings(central, {
      rounding: "on",
      toString: "on",
      integerScores: "perhaps ",
      equalRule: "all-or-nothing",
    });
    expect(errors).toEqual(["rounding=on", "toString=on", "integerScores=perhaps "]);
    expect(profile.equalRule).toBe("all-or-nothing");
    expect(profile.integerScores).toBe(false);
    expect(profile.modifiers).toEqual(["equalRule=all-or-nothing"]);
  });

  it("no settings give the base profile itself", () => {
    expect(withSettings(central, {})).toEqual({ profile: central, errors: [] });
  });
});
