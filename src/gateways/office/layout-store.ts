/**
 * The officer's correction of the reading (版式, a LayoutOverride) kept in the workbook's settings as JSON: it
 * travels with the file and applies to every later check, also after the workbook is reopened. Never in a cell,
 * so nothing of it can be printed, sorted away or typed over. Read in the same sync as the table search.
 */
/* global Excel */
import { parseLayoutFile, validateLayout, type LayoutOverride } from "../../domain";

export const LAYOUT_KEY = "ziping.layout";

/** Queues the read of the saved correction; pass the item to parseLayoutItem after the sync. */
export function readLayoutItem(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(LAYOUT_KEY);
  item.load("value");
  return item;
}

/**
 * The saved correction, or null when there is none or it does not parse (a hand-edited or newer setting is
 * user input like a 版式.json file: one that fails validation is ignored, never half applied).
 */
export function parseLayoutItem(item: Excel.Setting): LayoutOverride | null {
  if (item.isNullObject) return null;
  const raw: unknown = item.value;
  const { layout } = typeof raw === "string" ? parseLayoutFile(raw) : validateLayout(raw);
  return layout ?? null;
}

/** The correction saved in the workbook: one sync. */
export async function getSavedLayout(context: Excel.RequestContext): Promise<LayoutOverride | null> {
  const item = readLayoutItem(context);
  await context.sync();
  return parseLayoutItem(item);
}

/**
 * Saves the correction (one sync), or removes it for null (two syncs when there is one to remove: Excel's
 * getItem().delete() fails the batch when the setting is absent, so its presence is read first).
 */
export async function saveLayout(context: Excel.RequestContext, layout: LayoutOverride | null): Promise<void> {
  const settings = context.workbook.settings;
  if (layout) {
    settings.add(LAYOUT_KEY, JSON.stringify(layout));
    await context.sync();
    return;
  }
  const item = settings.getItemOrNullObject(LAYOUT_KEY);
  item.load("key");
  await context.sync();
  if (item.isNullObject) return;
  item.delete();
  await context.sync();
}
