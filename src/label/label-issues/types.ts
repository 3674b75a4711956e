/** The shapes of labelIssues(DATA, { target }): its options, each suspect row, the noise between classes and what removing the suspects buys. */
import type { FoldedModelOptions } from "../../validate/model.js";

/** How the suspects are ordered: the probability of the given label, or cleanlab's normalized margin. Lowest first either way. */
export type RankBy = "self-confidence" | "normalized-margin";

export interface LabelIssuesOptions extends FoldedModelOptions {
  /** The score of the retrained models (default: the framing card's metric, else accuracy). */
  readonly metric?: string;
  readonly rankBy?: RankBy;
}

export interface Suspect {
  /** The row's number in the data as given. */
  readonly row: number;
  readonly given: string;
  /** The class the model finds most probable. */
  readonly likely: string;
  /** The out-of-fold probability of the given label. */
  readonly selfConfidence: number;
  /** The out-of-fold probability of the likely label. */
  readonly likelyProbability: number;
  /** (p given − largest other p + 1) / 2. */
  readonly normalizedMargin: number;
}

/** One cell of the estimated joint of given and true labels. */
export interface NoisePair {
  readonly given: string;
  readonly likely: string;
  /** Rows estimated to carry label `given` while truly `likely` (the calibrated confident joint). */
  readonly rows: number;
  /** As a share of all rows. */
  readonly share: number;
  /** As a share of the rows labelled `given`: P(true = likely | given). */
  readonly ofGiven: number;
  /** Suspects with this given and likely label. */
  readonly flagged: number;
}

/** One class's estimated noise, both ways, from the calibrated joint: wrong labels concentrated in a small class hardly move the overall rate. */
export interface ClassNoise {
  readonly label: string;
  /** Rows labelled with the class, and the share of them estimated truly of another class. */
  readonly labelled: number;
  readonly ofLabelled: number;
  /** Rows estimated truly of the class, and the share of them labelled with another class. */
  readonly lookLike: number;
  readonly ofLookLike: number;
}

/** The user's model scored on the same folds, trained on every row and trained without the suspects. */
export interface Retrain {
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** Scored on every tested row, against the given labels. */
  readonly everything: number;
  readonly withoutSuspects: number;
  /** withoutSuspects − everything, signed so that positive is better; with its 95% paired bootstrap interval. */
  readonly gain: number;
  readonly low: number;
  readonly high: number;
  /** The same two models scored only on the tested rows that are not suspects. */
  readonly everythingOnUnflagged: number;
  readonly withoutSuspectsOnUnflagged: number;
  /** Training rows removed per fold, on average. */
  readonly removedPerFold: number;
}

export interface LabelIssuesData {
  readonly target: string;
  readonly classes: readonly string[];
  /** Rows with an out-of-fold probability, where labels can be judged. */
  readonly rows: number;
  readonly model: string;
  readonly validation: string;
  readonly rankBy: RankBy;
  /** Per class, the mean probability of the class over the rows labelled with it. */
  readonly thresholds: readonly number[];
  /** The calibrated confident joint, [given][likely], in rows. */
  readonly joint: readonly (readonly number[])[];
  /** Every (given, likely) pair, the diagonal included. */
  readonly pairs: readonly NoisePair[];
  /** The off-diagonal share of the calibrated joint: the estimated share of wrong labels. */
  readonly noiseRate: number;
  /** Per class, the estimated share of wrong labels among the rows labelled with it and among the rows truly of it. */
  readonly classNoise: readonly ClassNoise[];
  /** The number of suspects, and the first of them in rank order (at most 500). */
  readonly flagged: number;
  readonly suspects: readonly Suspect[];
  /** Every suspect's row number, in rank order (on the result object only: left out of its JSON, which lists the first 500 in `suspects`). */
  readonly suspectRows: readonly number[];
  /** Out-of-fold accuracy against the given labels, and the share of the largest class. */
  readonly accuracy: number;
  readonly majorityShare: number;
  /** The share of rows whose most probable class has probability exactly 1, and how many distinct probabilities the model gave: a model certain of nearly every row (a fully grown tree: only 0 and 1) cannot rank doubt. */
  readonly certainShare: number;
  readonly distinctProbabilities: number;
  readonly retrain?: Retrain;
  readonly notes: readonly string[];
}
