/** The answer to `%tracking on|off`: whether this notebook's calls are recorded, and where. */
import { createResult, type Result } from "../../result.js";

export interface TrackingStatus {
  readonly enabled: boolean;
  readonly notebook?: string;
  /** The MLflow tracking server runs are also sent to, if any. */
  readonly mlflow?: string;
}

export function trackingStatus(enabled: boolean, notebook?: string, mlflow?: string): Result<TrackingStatus> {
  const where = notebook === undefined ? "this kernel (it was not told its notebook, so the setting lasts until it restarts)" : `the notebook ${notebook}`;
  return createResult({
    kind: "tracking",
    version: 1,
    title: `Tracking ${enabled ? "on" : "off"}`,
    verdict: enabled
      ? { level: "ok", text: `Tracking is on for ${where}: every analysis and every fit is recorded as a run in .litml/; %runs lists them.${mlflow === undefined ? "" : ` Runs and registered models are also sent to MLflow at ${mlflow}.`}` }
      : { level: "warn", text: `Tracking is off for ${where}: its analyses and fits are not recorded (other notebooks are not affected; litml.track still records what it is given). %tracking on records again.` },
    data: { enabled, ...(notebook === undefined ? {} : { notebook }), ...(mlflow === undefined ? {} : { mlflow }) },
  });
}
