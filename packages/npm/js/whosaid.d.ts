// Types of the whosaid npm package: the JSON record of docs/format.md plus `*_utf16` spans.

/** A half-open range `[start, end]`. In the fields named in docs/format.md: UTF-8 byte offsets
 * (as the CLI prints them); in the `*_utf16` twins: UTF-16 code units, i.e. JavaScript string
 * indices, so `text.slice(start, end)` is the span's text. */
export type Span = [number, number];

export type SpeakerKind =
  | "person" | "organisation" | "media_outlet" | "government_body" | "group" | "document" | "unknown";
export type Anonymity = "named" | "anonymous" | "vague";
export type ClaimKind = "direct" | "indirect" | "mixed" | "according_to" | "belief" | "hedge";
export type Stance = "neutral" | "distancing" | "endorsing" | "conceding" | "rejecting";

export interface Speaker {
  id: number;
  name: string;
  kind: SpeakerKind;
  /** `true` exactly when `anonymity` is `"anonymous"`. */
  anonymous: boolean;
  anonymity: Anonymity;
  /** Present only when `anonymity` is not `"named"`. */
  evidence?: string;
  confidence: number;
  titles: string[];
  mentions: Span[];
  mentions_utf16: Span[];
}

export interface Via {
  speaker: number | null;
  source: Span[];
  cue: Span[];
  source_utf16: Span[];
  cue_utf16: Span[];
}

export interface Claim {
  id: number;
  kind: ClaimKind;
  content: Span[];
  cue: Span[];
  source: Span[];
  /** Index into `speakers`, or null. */
  speaker: number | null;
  stance: Stance;
  via: Via | null;
  confidence: number;
  content_text: string;
  cue_text: string;
  source_text: string;
  content_utf16: Span[];
  cue_utf16: Span[];
  source_utf16: Span[];
}

export interface Diagnostic {
  level: "info" | "warning";
  code: string;
  message: string;
  span: Span | null;
  span_utf16: Span | null;
}

export interface Stats {
  bytes: number;
  words: number;
  sentences: number;
  paragraphs: number;
}

export interface Analysis {
  speakers: Speaker[];
  claims: Claim[];
  boilerplate: Span[];
  diagnostics: Diagnostic[];
  stats: Stats;
  boilerplate_utf16: Span[];
}

/**
 * Who said what in `text`.
 * @throws {TypeError} if `text` is not a string
 * @throws {RangeError} if `text.length > MAX_TEXT_LENGTH`
 */
export function analyze(text: string): Analysis;

/** `[document index (0 or 1), speaker or claim id]`. */
export type Ref = [number, number];

export interface Difference {
  kind: "stance" | "source" | "quote" | "wording" | "cue";
  a: string;
  b: string;
}

export interface Pair {
  a: Ref;
  b: Ref;
  relation: "same" | "related";
  score: number;
  differences: Difference[];
}

export interface Comparison {
  documents: [Analysis, Analysis];
  speakers: { in: Ref[] }[];
  pairs: Pair[];
  only: Ref[];
}

/**
 * Two reports of one story aligned (the JSON of `whosaid compare A B`).
 * @throws {TypeError} if `a` or `b` is not a string
 * @throws {RangeError} if either is longer than MAX_TEXT_LENGTH
 */
export function compare(a: string, b: string): Comparison;

/** The package version. */
export const version: string;

/** The longest text accepted, in UTF-16 code units. */
export const MAX_TEXT_LENGTH: number;
