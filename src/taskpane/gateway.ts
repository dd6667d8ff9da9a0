/**
 * What the pane needs from its host, as an interface: the office.js gateway implements it in Excel,
 * and component tests pass a fake. The pane never touches office.js itself.
 */
import { PROFILE_IDS } from "../domain";
import type { CheckResult, WritePlan } from "../domain/types";
import type { UndoSummary, WritePreview, WriteSummary } from "../gateways/office/types";
import type { ProfileChoice } from "../gateways/office/workbook";

/** The picker's choices: "auto" first, then the engine's profiles. */
export const PROFILE_CHOICES: readonly ProfileChoice[] = ["auto", ...PROFILE_IDS];

export interface PaneGateway {
  /** Finds and reads the 自评表 and runs the engine on it. */
  check(profile: ProfileChoice): Promise<CheckResult>;
  /** What `write` would change, read from the workbook; writes nothing. */
  preview(plan: WritePlan): Promise<WritePreview>;
  write(plan: WritePlan): Promise<WriteSummary>;
  undo(): Promise<UndoSummary>;
  /** Removes the highlights and notes the add-in added; returns how many cells it cleared. */
  clearMarks(): Promise<number>;
  /** Activates the sheet and selects the cell. */
  locate(sheet: string, cell: string): Promise<void>;
  /** Adds a blank central-layout 自评表 sheet; returns its name. */
  insertTemplate(): Promise<string>;
  getSavedProfile(): Promise<ProfileChoice | null>;
  saveProfile(profile: ProfileChoice): Promise<void>;
}

export type { ProfileChoice, UndoSummary, WritePreview, WriteSummary };
