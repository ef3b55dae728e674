/** What decides whether an assignment is paid at all, as the attendance stands (epoch ms). */
export interface AssignmentState {
  requestStatus: string;
  assignmentStatus: string;
  checkInMs: number | null;
  /** The shift's scheduled end. */
  endMs: number;
  /**
   * Another officer checked in to the same position later: the invoice bills that officer's time
   * for the position (buildWorkedRecords), so only that one is paid for it. Also true when the
   * position was cancelled by an amendment: it is not billed, so nobody is paid for it.
   */
  superseded: boolean;
}

/**
 * Whether an assignment is a worked shift to pay at `nowMs`: on a request completed or in
 * progress, checked in and either checked out or still checked in after its scheduled end (a
 * forgotten check-out is paid to the end, as billed; a shift still running waits for the next
 * computation). Dropped, cancelled and no-show assignments earn nothing.
 */
export function isPayableShift(state: AssignmentState, nowMs: number): boolean {
  if (state.requestStatus !== "completed" && state.requestStatus !== "in_progress") return false;
  if (state.checkInMs === null || state.superseded) return false;
  if (state.assignmentStatus === "checked_out") return true;
  return state.assignmentStatus === "checked_in" && state.endMs <= nowMs;
}
