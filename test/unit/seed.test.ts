import { DEFAULT_SEED, propertySeed } from "../helpers/seed";

describe("the property tests' seed", () => {
  it("is fixed unless asked otherwise, so that npm test gives the same verdict on every run", () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_SEED);
    expect(propertySeed("")).toBe(DEFAULT_SEED);
  });
  it("replays a printed seed, negative ones included, and draws a fresh one for random", () => {
    expect(propertySeed("-883685108")).toBe(-883685108);
    expect(propertySeed("random")).toBeUndefined();
  });
  it("refuses a seed that is no integer", () => {
    expect(() => propertySeed("12abc")).toThrow('FC_SEED must be an integer or "random", not "12abc"');
  });
});
